/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFrameworkView: one qualification framework, read-only, shown by the Frameworks page in
 * place of its list: code, title, country and version in the header, then one expander row
 * per level (its label and EQF level) that opens to the level's descriptors, one column per
 * dimension with the dimension's title as caption, and its example qualifications. Texts are
 * in the language of the user interface (German, else English), falling back to the other.
 * The view reads nothing from the store: the framework comes with its levels. */

#define G_LOG_DOMAIN "acr-framework-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "acr-framework-view.h"

struct _AcrFrameworkView
{
  GtkWidget     parent_instance;

  AcrFramework *framework;
  GPtrArray    *rows;

  GtkWidget    *back_button;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  AdwPreferencesGroup *levels_group;
};

enum {
  PROP_0,
  PROP_FRAMEWORK,
  N_PROPS
};

enum {
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AcrFrameworkView, acr_framework_view, GTK_TYPE_WIDGET)

static const char *
ui_language (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "de") ? "de" : "en";
}

/* @de or @en in the UI language, else the other one; NULL when both are unset. */
static const char *
pick (const char *de,
      const char *en)
{
  const char *first = g_str_equal (ui_language (), "de") ? de : en;
  const char *second = first == de ? en : de;

  if (first != NULL && first[0] != '\0')
    return first;
  if (second != NULL && second[0] != '\0')
    return second;
  return NULL;
}

static GtkWidget *
new_text_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_width_chars (GTK_LABEL (label), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  return label;
}

static GtkWidget *
new_caption_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The content of an expanded level: the descriptors side by side, then the examples. */
static GtkWidget *
new_level_details (AcrFramework      *framework,
                   AcrFrameworkLevel *level)
{
  GListModel *dimensions = acr_framework_get_dimensions (framework);
  const char *lang = ui_language ();
  const char *examples;
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *columns;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  columns = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_box_set_homogeneous (GTK_BOX (columns), TRUE);
  gtk_box_append (GTK_BOX (box), columns);

  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, i);
      const char *code = acr_framework_dimension_get_code (dimension);
      const char *title = pick (acr_framework_dimension_get_title_de (dimension),
                                acr_framework_dimension_get_title_en (dimension));
      const char *text = acr_framework_level_get_descriptor (level, code, lang);
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *text_label;

      gtk_box_append (GTK_BOX (column), new_caption_label (title != NULL ? title : code));
      text_label = new_text_label (text != NULL ? text : _("No descriptor"));
      if (text == NULL)
        gtk_widget_add_css_class (text_label, "dim-label");
      gtk_box_append (GTK_BOX (column), text_label);
      gtk_box_append (GTK_BOX (columns), column);
    }

  examples = pick (acr_framework_level_get_examples_de (level),
                   acr_framework_level_get_examples_en (level));
  if (examples != NULL)
    {
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

      gtk_box_append (GTK_BOX (column), new_caption_label (_("Examples")));
      gtk_box_append (GTK_BOX (column), new_text_label (examples));
      gtk_box_append (GTK_BOX (box), column);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_rows (AcrFrameworkView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->levels_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
update (AcrFrameworkView *self)
{
  g_autofree char *subtitle = NULL;
  GListModel *levels;
  const char *title;
  const char *country;

  clear_rows (self);

  if (self->framework == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->subtitle_label, "");
      return;
    }

  title = pick (acr_framework_get_title_de (self->framework),
                acr_framework_get_title_en (self->framework));
  country = acr_framework_get_country (self->framework);
  if (country != NULL && country[0] != '\0')
    /* Translators: code · country · version, e.g. "DQR · DE · Version 1". */
    subtitle = g_strdup_printf (_("%s · %s · Version %s"),
                                acr_framework_get_code (self->framework), country,
                                acr_framework_get_version (self->framework));
  else
    subtitle = g_strdup_printf (_("%s · Version %s"),
                                acr_framework_get_code (self->framework),
                                acr_framework_get_version (self->framework));
  gtk_label_set_label (self->title_label,
                       title != NULL ? title : acr_framework_get_code (self->framework));
  gtk_label_set_label (self->subtitle_label, subtitle);

  levels = acr_framework_get_levels (self->framework);
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);
      g_autofree char *row_title = NULL;
      g_autofree char *row_subtitle = NULL;
      GtkWidget *row;

      row_title = g_strdup_printf (_("Level %s"), acr_framework_level_get_label (level));
      row_subtitle = g_strdup_printf (_("EQF level %d"), acr_framework_level_get_eqf_level (level));
      row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), row_subtitle);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                new_level_details (self->framework, level));
      adw_preferences_group_add (self->levels_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

static gboolean
acr_framework_view_grab_focus (GtkWidget *widget)
{
  AcrFrameworkView *self = ACR_FRAMEWORK_VIEW (widget);

  return gtk_widget_grab_focus (self->back_button);
}

static void
acr_framework_view_dispose (GObject *object)
{
  AcrFrameworkView *self = ACR_FRAMEWORK_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_FRAMEWORK_VIEW);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* The rows went with the group. */
  g_ptr_array_set_size (self->rows, 0);
  g_clear_object (&self->framework);

  G_OBJECT_CLASS (acr_framework_view_parent_class)->dispose (object);
}

static void
acr_framework_view_finalize (GObject *object)
{
  AcrFrameworkView *self = ACR_FRAMEWORK_VIEW (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (acr_framework_view_parent_class)->finalize (object);
}

static void
acr_framework_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AcrFrameworkView *self = ACR_FRAMEWORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
      g_value_set_object (value, self->framework);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AcrFrameworkView *self = ACR_FRAMEWORK_VIEW (object);

  switch (prop_id)
    {
    case PROP_FRAMEWORK:
      acr_framework_view_set_framework (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_framework_view_class_init (AcrFrameworkViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acr_framework_view_dispose;
  object_class->finalize = acr_framework_view_finalize;
  object_class->get_property = acr_framework_view_get_property;
  object_class->set_property = acr_framework_view_set_property;

  widget_class->grab_focus = acr_framework_view_grab_focus;

  properties [PROP_FRAMEWORK] =
    g_param_spec_object ("framework", NULL, NULL,
                         ACR_TYPE_FRAMEWORK,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to go back to the list. */
  signals [CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-framework-view.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrFrameworkView, back_button);
  gtk_widget_class_bind_template_child (widget_class, AcrFrameworkView, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrFrameworkView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AcrFrameworkView, levels_group);

  gtk_widget_class_install_action (widget_class, "view.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "view.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "view.back", NULL);
}

static void
acr_framework_view_init (AcrFrameworkView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
acr_framework_view_new (void)
{
  return g_object_new (ACR_TYPE_FRAMEWORK_VIEW, NULL);
}

AcrFramework *
acr_framework_view_get_framework (AcrFrameworkView *self)
{
  g_return_val_if_fail (ACR_IS_FRAMEWORK_VIEW (self), NULL);

  return self->framework;
}

void
acr_framework_view_set_framework (AcrFrameworkView *self,
                                  AcrFramework     *framework)
{
  g_return_if_fail (ACR_IS_FRAMEWORK_VIEW (self));
  g_return_if_fail (framework == NULL || ACR_IS_FRAMEWORK (framework));

  if (g_set_object (&self->framework, framework))
    {
      update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FRAMEWORK]);
    }
}
