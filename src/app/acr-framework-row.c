/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFrameworkRow: one qualification framework in the frameworks list: its title in the
 * language of the user interface (German or else English), code and version. */

#define G_LOG_DOMAIN "acr-framework-row"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-framework.h"
#include "acr-framework-row.h"

struct _AcrFrameworkRow
{
  GtkWidget      parent_instance;

  AcrFramework  *item;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrFrameworkRow, acr_framework_row, GTK_TYPE_WIDGET)

static gboolean
prefers_german (void)
{
  const char * const *languages = g_get_language_names ();

  return g_str_has_prefix (languages[0], "de");
}

static void
update_labels (AcrFrameworkRow *self)
{
  g_autofree char *subtitle = NULL;
  const char *title = NULL;

  if (self->item != NULL)
    {
      title = prefers_german () ? acr_framework_get_title_de (self->item)
                                : acr_framework_get_title_en (self->item);
      /* Translators: a framework's code and version, e.g. "DQR · Version 1" */
      subtitle = g_strdup_printf (_("%s · Version %s"),
                                  acr_framework_get_code (self->item),
                                  acr_framework_get_version (self->item));
    }

  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_label_set_label (self->subtitle_label, subtitle ? subtitle : "");
}

static void
acr_framework_row_dispose (GObject *object)
{
  AcrFrameworkRow *self = ACR_FRAMEWORK_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_FRAMEWORK_ROW);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (acr_framework_row_parent_class)->dispose (object);
}

static void
acr_framework_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrFrameworkRow *self = ACR_FRAMEWORK_ROW (object);

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
acr_framework_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AcrFrameworkRow *self = ACR_FRAMEWORK_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      acr_framework_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_row_class_init (AcrFrameworkRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acr_framework_row_dispose;
  object_class->get_property = acr_framework_row_get_property;
  object_class->set_property = acr_framework_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ACR_TYPE_FRAMEWORK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-framework-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrFrameworkRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrFrameworkRow, subtitle_label);
}

static void
acr_framework_row_init (AcrFrameworkRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
acr_framework_row_new (void)
{
  return g_object_new (ACR_TYPE_FRAMEWORK_ROW, NULL);
}

AcrFramework *
acr_framework_row_get_item (AcrFrameworkRow *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_ROW (self), NULL);

  return self->item;
}

void
acr_framework_row_set_item (AcrFrameworkRow *self,
                            AcrFramework    *framework)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_ROW (self));
  g_return_if_fail (framework == NULL || ACR_IS_FRAMEWORK (framework));

  if (g_set_object (&self->item, framework))
    {
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
    }
}
