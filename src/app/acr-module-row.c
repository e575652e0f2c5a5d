/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrModuleRow: one module in the modules list: title, code and version, and the review
 * status as a coloured word (the colours are the style's success/warning/accent classes,
 * so they follow the dark style). A menu button at the end, also opened by a right click,
 * offers Duplicate and Delete, which the modules page carries out ("modules.duplicate",
 * "modules.delete" with the module's id). */

#define G_LOG_DOMAIN "acr-module-row"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-module.h"
#include "acr-module-row.h"

struct _AcrModuleRow
{
  GtkWidget      parent_instance;

  AcrModule     *item;

  GtkLabel      *title_label;
  GtkLabel      *subtitle_label;
  GtkLabel      *status_label;
  GtkMenuButton *menu_button;
};

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const status_classes[] = { "accent", "warning", "success", "dim-label" };

G_DEFINE_FINAL_TYPE (AcrModuleRow, acr_module_row, GTK_TYPE_WIDGET)

static void
update_labels (AcrModuleRow *self)
{
  g_autofree char *subtitle = NULL;
  const char *title = NULL;
  AcrStatus status = ACR_STATUS_DRAFT;

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);

  if (self->item == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      gtk_label_set_label (self->status_label, "");
      return;
    }

  title = acr_module_get_title (self->item);
  if (title == NULL || title[0] == '\0')
    title = _("Untitled Module");
  /* Translators: a module's code and version, e.g. "IHK-CYB-01 · Version 2" */
  subtitle = g_strdup_printf (_("%s · Version %d"),
                              acr_module_get_code (self->item),
                              (int) acr_module_get_version (self->item));
  status = acr_module_get_status (self->item);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->status_label, acr_enum_to_label (ACR_TYPE_STATUS, status));
  if ((guint) status < G_N_ELEMENTS (status_classes))
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_classes[status]);
}

static void
row_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  AcrModuleRow *self = ACR_MODULE_ROW (widget);

  if (self->item == NULL)
    return;

  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "row.duplicate")
                              ? "modules.duplicate" : "modules.delete",
                              "x", acr_module_get_id (self->item));
}

static void
on_secondary_click_pressed_cb (GtkGestureClick *gesture,
                               int              n_press,
                               double           x,
                               double           y,
                               AcrModuleRow    *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static void
acr_module_row_dispose (GObject *object)
{
  AcrModuleRow *self = ACR_MODULE_ROW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_MODULE_ROW);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (acr_module_row_parent_class)->dispose (object);
}

static void
acr_module_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AcrModuleRow *self = ACR_MODULE_ROW (object);

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
acr_module_row_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AcrModuleRow *self = ACR_MODULE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      acr_module_row_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_module_row_class_init (AcrModuleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acr_module_row_dispose;
  object_class->get_property = acr_module_row_get_property;
  object_class->set_property = acr_module_row_set_property;

  properties [PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         ACR_TYPE_MODULE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-module-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrModuleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleRow, menu_button);

  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, row_action_cb);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, row_action_cb);
}

static void
acr_module_row_init (AcrModuleRow *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_secondary_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}

GtkWidget *
acr_module_row_new (void)
{
  return g_object_new (ACR_TYPE_MODULE_ROW, NULL);
}

AcrModule *
acr_module_row_get_item (AcrModuleRow *self)
{
  g_return_val_if_fail (ACR_IS_MODULE_ROW (self), NULL);

  return self->item;
}

void
acr_module_row_set_item (AcrModuleRow *self,
                         AcrModule    *module)
{
  g_return_if_fail (ACR_IS_MODULE_ROW (self));
  g_return_if_fail (module == NULL || ACR_IS_MODULE (module));

  if (g_set_object (&self->item, module))
    {
      update_labels (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ITEM]);
    }
}
