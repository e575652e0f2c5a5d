/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrLearnerRow: one learner in the learners list: the full name, the email address and
 * the external identifier (the provider's own number for the person). */

#define G_LOG_DOMAIN "acr-learner-row"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-learner.h"
#include "acr-learner-row.h"

struct _AcrLearnerRow
{
  GtkWidget   parent_instance;

  AcrLearner *item;

  GtkLabel   *title_label;
  GtkLabel   *subtitle_label;
  GtkLabel   *external_id_label;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrLearnerRow, acr_learner_row, GTK_TYPE_WIDGET)

static void
update_labels (AcrLearnerRow *self)
{
  g_autofree char *name = NULL;
  const char *given;
  const char *family;
  const char *email;
  const char *external_id;

  if (self->item == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->external_id_label, "");
      return;
    }

  given = acr_learner_get_given_name (self->item);
  family = acr_learner_get_family_name (self->item);
  email = acr_learner_get_email (self->item);
  external_id = acr_learner_get_external_id (self->item);

  if (given != NULL && given[0] != '\0' && family != NULL && family[0] != '\0')
    {
      /* Translators: a learner's full name: given name, then family name */
      name = g_strdup_printf (C_("full name", "%s %s"), given, family);
    }
  else if (family != NULL && family[0] != '\0')
    name = g_strdup (family);
  else if (given != NULL && given[0] != '\0')
    name = g_strdup (given);
  else
    name = g_strdup (_("Unnamed Learner"));

  gtk_label_set_label (self->title_label, name);
  gtk_label_set_label (self->subtitle_label, email ? email : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), email != NULL && email[0] != '\0');
  gtk_label_set_label (self->external_id_label, external_id ? external_id : "");
}

static void
acr_learner_row_dispose (GObject *object)
{
  AcrLearnerRow *self = ACR_LEARNER_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_LEARNER_ROW);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (acr_learner_row_parent_class)->dispose (object);
}

static void
acr_learner_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrLearnerRow *self = ACR_LEARNER_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_learner_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AcrLearnerRow *self = ACR_LEARNER_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      acr_learner_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_learner_row_class_init (AcrLearnerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acr_learner_row_dispose;
  object_class->get_property = acr_learner_row_get_property;
  object_class->set_property = acr_learner_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ACR_TYPE_LEARNER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-learner-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrLearnerRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrLearnerRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AcrLearnerRow, external_id_label);
}

static void
acr_learner_row_init (AcrLearnerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
acr_learner_row_new (void)
{
  return g_object_new (ACR_TYPE_LEARNER_ROW, NULL);
}

AcrLearner *
acr_learner_row_get_item (AcrLearnerRow *self)
{
  g_return_val_if_fail (ACR_IS_LEARNER_ROW (self), NULL);

  return self->item;
}

void
acr_learner_row_set_item (AcrLearnerRow *self,
                          AcrLearner    *learner)
{
  g_return_if_fail (ACR_IS_LEARNER_ROW (self));
  g_return_if_fail (learner == NULL || ACR_IS_LEARNER (learner));

  if (g_set_object (&self->item, learner))
    {
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
    }
}
