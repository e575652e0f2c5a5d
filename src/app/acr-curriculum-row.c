/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculumRow: one curriculum in the curricula list: its title and code, and a menu
 * button (also opened by a right click) whose Delete the curricula page carries out
 * ("curricula.delete" with the curriculum's id). */

#define G_LOG_DOMAIN "acr-curriculum-row"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-curriculum.h"
#include "acr-curriculum-row.h"

struct _AcrCurriculumRow
{
  GtkWidget      parent_instance;

  AcrCurriculum *item;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkMenuButton *menu_button;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrCurriculumRow, acr_curriculum_row, GTK_TYPE_WIDGET)

static void
update_labels (AcrCurriculumRow *self)
{
  const char *title = NULL;
  const char *code = NULL;

  if (self->item != NULL)
    {
      title = acr_curriculum_get_title (self->item);
      code = acr_curriculum_get_code (self->item);
      if (title == NULL || title[0] == '\0')
        title = _("Untitled Curriculum");
    }

  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_label_set_label (self->subtitle_label, code ? code : "");
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  AcrCurriculumRow *self = ACR_CURRICULUM_ROW (widget);

  if (self->item != NULL)
    gtk_widget_activate_action (widget, "curricula.delete", "x",
                                acr_curriculum_get_id (self->item));
}

static void
on_secondary_click_pressed_cb (GtkGestureClick  *gesture,
                               int               n_press,
                               double            x,
                               double            y,
                               AcrCurriculumRow *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static void
acr_curriculum_row_dispose (GObject *object)
{
  AcrCurriculumRow *self = ACR_CURRICULUM_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_CURRICULUM_ROW);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (acr_curriculum_row_parent_class)->dispose (object);
}

static void
acr_curriculum_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrCurriculumRow *self = ACR_CURRICULUM_ROW (object);

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
acr_curriculum_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AcrCurriculumRow *self = ACR_CURRICULUM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      acr_curriculum_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_row_class_init (AcrCurriculumRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acr_curriculum_row_dispose;
  object_class->get_property = acr_curriculum_row_get_property;
  object_class->set_property = acr_curriculum_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ACR_TYPE_CURRICULUM,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-curriculum-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumRow, menu_button);

  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action_cb);
}

static void
acr_curriculum_row_init (AcrCurriculumRow *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
acr_curriculum_row_new (void)
{
  return g_object_new (ACR_TYPE_CURRICULUM_ROW, NULL);
}

AcrCurriculum *
acr_curriculum_row_get_item (AcrCurriculumRow *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_ROW (self), NULL);

  return self->item;
}

void
acr_curriculum_row_set_item (AcrCurriculumRow *self,
                             AcrCurriculum    *curriculum)
{
  g_return_if_fail (ACR_IS_CURRICULUM_ROW (self));
  g_return_if_fail (curriculum == NULL || ACR_IS_CURRICULUM (curriculum));

  if (g_set_object (&self->item, curriculum))
    {
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
    }
}
