/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculumEditor: one curriculum in libadwaita rows: its code, titles, description and
 * awarding body, its stacking rule with the minimum, and its ordered modules, each required or
 * optional, moved by buttons or Alt+Up / Alt+Down, removed, or added from the modules not yet
 * part of it. Every change is saved at once with acr_curriculum_save(); when the store refuses
 * it, the error is shown as a toast and the editor shows again what the database holds. An
 * approved or retired curriculum is shown read-only. "Export…" writes the curriculum exchange
 * document of acr_curriculum_export_xml() to a file the user picks. */

#define G_LOG_DOMAIN "acr-curriculum-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-curriculum-editor.h"
#include "acr-window.h"

struct _AcrCurriculumEditor
{
  GtkWidget             parent_instance;

  AcrStore             *store;
  AcrCurriculum        *curriculum;
  /* The organisation ids of organisation_row; [0] = 0, none. */
  GArray               *organisation_ids;
  /* The module ids of add_row, in its order. */
  GArray               *add_module_ids;
  GtkFileChooserNative *chooser;

  GtkWidget            *back_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *fields_group;
  GtkWidget            *rule_group;
  GtkWidget            *modules_group;
  GtkWidget            *add_group;
  AdwEntryRow          *code_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *title_en_row;
  AdwEntryRow          *description_row;
  AdwComboRow          *organisation_row;
  AdwComboRow          *rule_row;
  GtkWidget            *min_row;
  GtkSpinButton        *min_spin;
  GtkListBox           *modules_list;
  AdwComboRow          *add_row;

  /* Set while widgets are filled from the curriculum, so that they save nothing. */
  guint                 loading : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AcrCurriculumEditor, acr_curriculum_editor, GTK_TYPE_WIDGET)

static void write_widgets (AcrCurriculumEditor *self);

static void
show_error (AcrCurriculumEditor *self,
            const GError        *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ACR_IS_WINDOW (root))
    acr_window_show_error (ACR_WINDOW (root), error);
  else
    g_message ("%s", error->message);
}

static void
show_message (AcrCurriculumEditor *self,
              const char          *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ACR_IS_WINDOW (root))
    acr_window_show_toast (ACR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static gboolean
is_read_only (AcrCurriculumEditor *self)
{
  AcrStatus status;

  if (self->curriculum == NULL)
    return TRUE;

  status = acr_curriculum_get_status (self->curriculum);
  return status == ACR_STATUS_APPROVED || status == ACR_STATUS_RETIRED;
}

static gboolean
rule_needs_minimum (AcrStackingRule rule)
{
  return rule == ACR_STACKING_RULE_MIN_CREDITS || rule == ACR_STACKING_RULE_MIN_HOURS;
}

/* Reads the curriculum again from the database, dropping unsaved changes. */
static void
revert (AcrCurriculumEditor *self)
{
  g_autoptr(AcrCurriculum) stored = NULL;
  g_autoptr(GError) error = NULL;

  stored = acr_curriculum_load (self->store, acr_curriculum_get_id (self->curriculum), &error);
  if (stored == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->curriculum, stored);
}

/* Saves the curriculum after a change; on failure shows the error and reads again what the
 * database holds. */
static gboolean
save_only (AcrCurriculumEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (acr_curriculum_save (self->curriculum, self->store, &error))
    return TRUE;

  show_error (self, error);
  revert (self);
  return FALSE;
}

/* The same, then shows the curriculum in every widget. */
static gboolean
save (AcrCurriculumEditor *self)
{
  gboolean ok = save_only (self);

  write_widgets (self);
  return ok;
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The text of @row, NULL when blank. */
static char *
dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
load_organisations (AcrCurriculumEditor *self)
{
  g_autoptr(AcrPagedList) list = acr_organisation_list (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 none = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_array_set_size (self->organisation_ids, 0);
  g_array_append_val (self->organisation_ids, none);
  gtk_string_list_append (names, _("None"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = acr_organisation_get_id (organisation);

      g_array_append_val (self->organisation_ids, id);
      gtk_string_list_append (names, acr_organisation_get_name (organisation));
    }

  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
}

/* The modules not yet part of the curriculum, for add_row. */
static void
load_addable_modules (AcrCurriculumEditor *self)
{
  g_autoptr(AcrPagedList) list = acr_module_list (self->store, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_array_set_size (self->add_module_ids, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrModule) module = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = acr_module_get_id (module);
      g_autofree char *label = NULL;

      if (acr_curriculum_find_entry (self->curriculum, id) != NULL)
        continue;

      /* Translators: a module in the list to add from: code · version · title. */
      label = g_strdup_printf (_("%s · version %u · %s"),
                               acr_module_get_code (module),
                               (guint) acr_module_get_version (module),
                               acr_module_get_title (module) != NULL
                               ? acr_module_get_title (module) : _("Untitled Module"));
      g_array_append_val (self->add_module_ids, id);
      gtk_string_list_append (labels, label);
    }

  adw_combo_row_set_model (self->add_row, G_LIST_MODEL (labels));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "curriculum.add-module",
                                 self->add_module_ids->len > 0 && !is_read_only (self));
}

static void
move_module (AcrCurriculumEditor *self,
             gint64               module_id,
             int                  delta)
{
  AcrCurriculumEntry *entry = acr_curriculum_find_entry (self->curriculum, module_id);
  guint n = g_list_model_get_n_items (acr_curriculum_get_entries (self->curriculum));
  int position;
  GtkListBoxRow *row;

  if (entry == NULL || is_read_only (self))
    return;

  position = (int) acr_curriculum_entry_get_position (entry) + delta;
  if (position < 1 || position > (int) n)
    return;

  acr_curriculum_move_module (self->curriculum, module_id, position);
  if (!save (self))
    return;

  /* The focus follows the module to its new place. */
  row = gtk_list_box_get_row_at_index (self->modules_list, position - 1);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static gint64
get_row_module_id (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? *(gint64 *) g_object_get_data (G_OBJECT (row), "module-id") : 0;
}

static void
on_move_up_cb (AcrCurriculumEditor *self,
               GtkButton           *button)
{
  move_module (self, get_row_module_id (GTK_WIDGET (button)), -1);
}

static void
on_move_down_cb (AcrCurriculumEditor *self,
                 GtkButton           *button)
{
  move_module (self, get_row_module_id (GTK_WIDGET (button)), +1);
}

static gboolean
on_move_up_shortcut_cb (GtkWidget *widget,
                        GVariant  *args,
                        gpointer   user_data)
{
  move_module (user_data, get_row_module_id (widget), -1);
  return TRUE;
}

static gboolean
on_move_down_shortcut_cb (GtkWidget *widget,
                          GVariant  *args,
                          gpointer   user_data)
{
  move_module (user_data, get_row_module_id (widget), +1);
  return TRUE;
}

static void
on_remove_cb (AcrCurriculumEditor *self,
              GtkButton           *button)
{
  if (is_read_only (self))
    return;

  acr_curriculum_remove_module (self->curriculum, get_row_module_id (GTK_WIDGET (button)));
  save (self);
}

static void
on_required_cb (GtkSwitch           *toggle,
                GParamSpec          *pspec,
                AcrCurriculumEditor *self)
{
  gint64 module_id = get_row_module_id (GTK_WIDGET (toggle));
  AcrCurriculumEntry *entry;

  if (self->loading || is_read_only (self))
    return;

  entry = acr_curriculum_find_entry (self->curriculum, module_id);
  if (entry == NULL
      || acr_curriculum_entry_get_required (entry) == gtk_switch_get_active (toggle))
    return;

  acr_curriculum_set_required (self->curriculum, module_id, gtk_switch_get_active (toggle));

  /* The switch is not rebuilt while it is still changing: only the row follows. */
  self->loading = TRUE;
  if (!save_only (self))
    gtk_switch_set_active (toggle, !gtk_switch_get_active (toggle));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (toggle),
                                                                       ADW_TYPE_ACTION_ROW)),
                               gtk_switch_get_active (toggle) ? _("Required") : _("Optional"));
  self->loading = FALSE;
}

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static GtkWidget *
create_module_row (AcrCurriculumEditor *self,
                   AcrCurriculumEntry  *entry,
                   guint                index,
                   guint                n_entries)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();
  GtkWidget *button;
  GtkEventController *shortcuts;
  const char *title = acr_curriculum_entry_get_module_title (entry);
  g_autofree char *label = NULL;
  g_autofree char *escaped = NULL;
  gint64 *module_id = g_new (gint64, 1);

  *module_id = acr_curriculum_entry_get_module_id (entry);
  g_object_set_data_full (G_OBJECT (row), "module-id", module_id, g_free);

  /* Translators: a module of the curriculum: code · version · title. */
  label = g_strdup_printf (_("%s · version %u · %s"),
                           acr_curriculum_entry_get_module_code (entry),
                           acr_curriculum_entry_get_module_version (entry),
                           title != NULL ? title : _("Untitled Module"));
  escaped = g_markup_escape_text (label, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               acr_curriculum_entry_get_required (entry)
                               ? _("Required") : _("Optional"));

  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_switch_set_active (GTK_SWITCH (toggle), acr_curriculum_entry_get_required (entry));
  gtk_widget_set_tooltip_text (toggle, _("Required"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Required"), -1);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_required_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);

  button = create_icon_button ("go-up-symbolic", _("Move Up"));
  gtk_widget_set_sensitive (button, index > 0);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_move_up_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = create_icon_button ("go-down-symbolic", _("Move Down"));
  gtk_widget_set_sensitive (button, index + 1 < n_entries);
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_move_down_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  button = create_icon_button ("list-remove-symbolic", _("Remove from the Curriculum"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (on_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Alt+Up and Alt+Down move the module while the focus is anywhere in its row. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                      gtk_callback_action_new (on_move_up_shortcut_cb, self, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                      gtk_callback_action_new (on_move_down_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (row, shortcuts);

  return row;
}

static void
rebuild_modules (AcrCurriculumEditor *self)
{
  GListModel *entries = acr_curriculum_get_entries (self->curriculum);
  guint n = g_list_model_get_n_items (entries);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->modules_list))) != NULL)
    gtk_list_box_remove (self->modules_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrCurriculumEntry) entry = g_list_model_get_item (entries, i);

      gtk_list_box_append (self->modules_list, create_module_row (self, entry, i, n));
    }

  if (n == 0)
    {
      GtkWidget *label = gtk_label_new (_("No modules yet. Add one below."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_list_box_append (self->modules_list, label);
      gtk_list_box_row_set_activatable (gtk_list_box_get_row_at_index (self->modules_list, 0),
                                        FALSE);
    }
}

/* Shows the curriculum in every widget. */
static void
write_widgets (AcrCurriculumEditor *self)
{
  AcrCurriculum *c = self->curriculum;
  gint64 organisation_id;
  guint selected = 0;
  gboolean read_only;
  g_autofree char *subtitle = NULL;

  if (c == NULL)
    return;

  self->loading = TRUE;

  read_only = is_read_only (self);
  gtk_label_set_label (self->title_label, acr_curriculum_get_title (c));
  /* Translators: the code and version of a curriculum and its status. */
  subtitle = g_strdup_printf (_("%s · version %u · %s"),
                              acr_curriculum_get_code (c), acr_curriculum_get_version (c),
                              read_only ? _("read-only") : acr_enum_to_label (ACR_TYPE_STATUS,
                                                                              acr_curriculum_get_status (c)));
  gtk_label_set_label (self->subtitle_label, subtitle);

  set_entry_text (self->code_row, acr_curriculum_get_code (c));
  set_entry_text (self->title_row, acr_curriculum_get_title (c));
  set_entry_text (self->title_en_row, acr_curriculum_get_title_en (c));
  set_entry_text (self->description_row, acr_curriculum_get_description (c));

  organisation_id = acr_curriculum_get_organisation_id (c);
  for (guint i = 0; i < self->organisation_ids->len; i++)
    if (g_array_index (self->organisation_ids, gint64, i) == organisation_id)
      selected = i;
  adw_combo_row_set_selected (self->organisation_row, selected);

  adw_combo_row_set_selected (self->rule_row, acr_curriculum_get_stacking_rule (c));
  gtk_spin_button_set_value (self->min_spin, acr_curriculum_get_stacking_min (c));
  gtk_widget_set_sensitive (self->min_row,
                            rule_needs_minimum (acr_curriculum_get_stacking_rule (c)));

  rebuild_modules (self);
  load_addable_modules (self);

  gtk_widget_set_sensitive (self->fields_group, !read_only);
  gtk_widget_set_sensitive (self->rule_group, !read_only);
  gtk_widget_set_sensitive (self->modules_group, !read_only);
  gtk_widget_set_sensitive (self->add_group, !read_only);

  self->loading = FALSE;
}

/* Saves the text of @row into the property of the curriculum it shows, if it changed. */
static void
commit_entry (AcrCurriculumEditor *self,
              AdwEntryRow         *row)
{
  g_autofree char *text = NULL;
  g_autofree char *current = NULL;
  const char *property;

  if (self->loading || is_read_only (self))
    return;

  if (row == self->code_row)
    property = "code";
  else if (row == self->title_row)
    property = "title";
  else if (row == self->title_en_row)
    property = "title-en";
  else
    property = "description";

  text = dup_entry_text (row);
  g_object_get (self->curriculum, property, &current, NULL);
  if (g_strcmp0 (text, current) == 0)
    return;

  g_object_set (self->curriculum, property, text, NULL);
  save (self);
}

static void
on_entry_activated_cb (AcrCurriculumEditor *self,
                       AdwEntryRow         *row)
{
  commit_entry (self, row);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   AcrCurriculumEditor     *self)
{
  commit_entry (self,
                ADW_ENTRY_ROW (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
on_organisation_selected_cb (AcrCurriculumEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->organisation_row);
  gint64 id;

  if (self->loading || is_read_only (self) || selected >= self->organisation_ids->len)
    return;

  id = g_array_index (self->organisation_ids, gint64, selected);
  if (id == acr_curriculum_get_organisation_id (self->curriculum))
    return;

  acr_curriculum_set_organisation_id (self->curriculum, id);
  save (self);
}

static void
on_rule_selected_cb (AcrCurriculumEditor *self)
{
  AcrStackingRule rule = adw_combo_row_get_selected (self->rule_row);

  if (self->loading || is_read_only (self)
      || rule == acr_curriculum_get_stacking_rule (self->curriculum))
    return;

  /* The all-required rule has no minimum; the others need one. */
  acr_curriculum_set_stacking_rule (self->curriculum, rule);
  if (!rule_needs_minimum (rule))
    acr_curriculum_set_stacking_min (self->curriculum, 0);
  else if (acr_curriculum_get_stacking_min (self->curriculum) <= 0)
    acr_curriculum_set_stacking_min (self->curriculum,
                                     MAX (1.0, gtk_spin_button_get_value (self->min_spin)));
  save (self);
}

static void
on_min_changed_cb (AcrCurriculumEditor *self)
{
  double value = gtk_spin_button_get_value (self->min_spin);

  if (self->loading || is_read_only (self)
      || value == acr_curriculum_get_stacking_min (self->curriculum))
    return;

  acr_curriculum_set_stacking_min (self->curriculum, value);
  save (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals [CLOSE], 0);
}

static void
add_module_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (widget);
  guint selected = adw_combo_row_get_selected (self->add_row);

  if (is_read_only (self) || selected >= self->add_module_ids->len)
    return;

  acr_curriculum_add_module (self->curriculum,
                             g_array_index (self->add_module_ids, gint64, selected), TRUE);
  save (self);
}

static void
on_export_response_cb (GtkNativeDialog     *dialog,
                       int                  response,
                       AcrCurriculumEditor *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gsize len = 0;

  if (response != GTK_RESPONSE_ACCEPT || self->curriculum == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  data = acr_curriculum_export_xml (self->store, acr_curriculum_get_id (self->curriculum), &len,
                                    &error);
  if (data == NULL
      || !g_file_replace_contents (file, data, len, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                   &error))
    {
      show_error (self, error);
      goto out;
    }

  name = g_file_get_basename (file);
  message = g_strdup_printf (_("Exported to “%s”"), name);
  show_message (self, message);

out:
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->curriculum == NULL || self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Curriculum"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("XML documents"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  name = g_strdup_printf ("%s.xml", acr_curriculum_get_code (self->curriculum));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
acr_curriculum_editor_grab_focus (GtkWidget *widget)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (widget);

  return gtk_widget_grab_focus (self->back_button);
}

static void
acr_curriculum_editor_dispose (GObject *object)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (object);
  GtkWidget *child;

  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->loading = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_CURRICULUM_EDITOR);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->curriculum);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (acr_curriculum_editor_parent_class)->dispose (object);
}

static void
acr_curriculum_editor_finalize (GObject *object)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (object);

  g_clear_pointer (&self->organisation_ids, g_array_unref);
  g_clear_pointer (&self->add_module_ids, g_array_unref);

  G_OBJECT_CLASS (acr_curriculum_editor_parent_class)->finalize (object);
}

static void
acr_curriculum_editor_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_editor_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AcrCurriculumEditor *self = ACR_CURRICULUM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_curriculum_editor_class_init (AcrCurriculumEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = acr_curriculum_editor_dispose;
  object_class->finalize = acr_curriculum_editor_finalize;
  object_class->get_property = acr_curriculum_editor_get_property;
  object_class->set_property = acr_curriculum_editor_set_property;

  widget_class->grab_focus = acr_curriculum_editor_grab_focus;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to go back to the list. */
  signals [CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-curriculum-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, fields_group);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, rule_group);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, modules_group);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, add_group);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, rule_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, min_row);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, min_spin);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, modules_list);
  gtk_widget_class_bind_template_child (widget_class, AcrCurriculumEditor, add_row);

  gtk_widget_class_install_action (widget_class, "curriculum.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "curriculum.add-module", NULL,
                                   add_module_action);
  gtk_widget_class_install_action (widget_class, "curriculum.export", NULL, export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "curriculum.back", NULL);
}

static void
acr_curriculum_editor_init (AcrCurriculumEditor *self)
{
  g_autoptr(GtkStringList) rules = gtk_string_list_new (NULL);
  g_autoptr(GEnumClass) rule_class = g_type_class_ref (ACR_TYPE_STACKING_RULE);
  AdwEntryRow *entries[] = { NULL, NULL, NULL, NULL };

  self->organisation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->add_module_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < rule_class->n_values; i++)
    gtk_string_list_append (rules, acr_enum_to_label (ACR_TYPE_STACKING_RULE,
                                                      rule_class->values[i].value));
  adw_combo_row_set_model (self->rule_row, G_LIST_MODEL (rules));

  entries[0] = self->code_row;
  entries[1] = self->title_row;
  entries[2] = self->title_en_row;
  entries[3] = self->description_row;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (entries[i], "entry-activated",
                                G_CALLBACK (on_entry_activated_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (entries[i]), focus);
    }

  g_signal_connect_swapped (self->organisation_row, "notify::selected",
                            G_CALLBACK (on_organisation_selected_cb), self);
  g_signal_connect_swapped (self->rule_row, "notify::selected",
                            G_CALLBACK (on_rule_selected_cb), self);
  g_signal_connect_swapped (self->min_spin, "value-changed",
                            G_CALLBACK (on_min_changed_cb), self);
}

GtkWidget *
acr_curriculum_editor_new (AcrStore *store)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  return g_object_new (ACR_TYPE_CURRICULUM_EDITOR, "store", store, NULL);
}

AcrStore *
acr_curriculum_editor_get_store (AcrCurriculumEditor *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_EDITOR (self), NULL);

  return self->store;
}

AcrCurriculum *
acr_curriculum_editor_get_curriculum (AcrCurriculumEditor *self)
{
  g_return_val_if_fail (ACR_IS_CURRICULUM_EDITOR (self), NULL);

  return self->curriculum;
}

gboolean
acr_curriculum_editor_load (AcrCurriculumEditor  *self,
                            gint64                curriculum_id,
                            GError              **error)
{
  g_autoptr(AcrCurriculum) curriculum = NULL;

  g_return_val_if_fail (ACR_IS_CURRICULUM_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  curriculum = acr_curriculum_load (self->store, curriculum_id, error);
  if (curriculum == NULL)
    return FALSE;

  g_set_object (&self->curriculum, curriculum);

  self->loading = TRUE;
  load_organisations (self);
  self->loading = FALSE;
  write_widgets (self);

  return TRUE;
}
