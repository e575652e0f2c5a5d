/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrModuleEditor: one module version in libadwaita groups and rows: the Annex I
 * completeness at the top (its missing elements jump to the row that fixes them), every
 * element of the module, the learning outcomes, the level assignments with a level picker
 * that shows the chosen level's descriptors, and the rubric editor.
 *
 * Rules it keeps:
 * - every edit is saved when it is made (Enter or leaving a text row, a new choice in a
 *   combo row, a new number), through acr_module_save (), and is one step of the editor's
 *   undo history (property, value before, value after); a refused save shows the error as a
 *   toast and puts the row back to what the database holds;
 * - a negative number is refused in the row itself (error style and a message), never
 *   saved;
 * - an approved or retired version is frozen: its rows are insensitive and "New Version"
 *   copies it into a draft;
 * - outcomes and level assignments are saved at once through their own calls; the lists
 *   are rebuilt from the database after each change, and no row's callback touches its
 *   row after a rebuild. */

#define G_LOG_DOMAIN "acr-module-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-module-editor.h"
#include "acr-rubric-editor.h"
#include "acr-window.h"

typedef enum {
  FIELD_TEXT,
  FIELD_TEXT_VIEW,
  FIELD_DOUBLE,
  FIELD_INT,
  FIELD_ENUM,
  FIELD_ORGANISATION,
  FIELD_ISCED,
} FieldKind;

struct _AcrModuleEditor
{
  GtkWidget            parent_instance;

  AcrStore            *store;
  AcrModule           *module;
  AcrCompleteness     *completeness;
  /* Change, oldest first. */
  GPtrArray           *undo_stack;
  GPtrArray           *redo_stack;
  /* The organisation ids of the awarding body combo row; [0] = 0, none. */
  GArray              *organisation_ids;
  /* AcrFramework, in the order of the framework combo row. */
  GPtrArray           *frameworks;
  /* OutcomeRow, in position order. */
  GPtrArray           *outcome_rows;
  GtkWidget           *rubric_editor;

  GtkWidget           *back_button;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkWidget           *new_version_button;
  GtkWidget           *delete_button;

  GtkScrolledWindow   *scrolled_window;
  GtkLabel            *completeness_label;
  GtkLevelBar         *completeness_bar;
  GtkListBox          *missing_list;
  GtkWidget           *fields_box;

  AdwEntryRow         *code_row;
  GtkLabel            *version_label;
  AdwComboRow         *organisation_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *title_en_row;
  AdwEntryRow         *language_row;
  AdwEntryRow         *languages_row;
  AdwExpanderRow      *description_expander;
  GtkTextView         *description_view;
  AdwExpanderRow      *description_en_expander;
  GtkTextView         *description_en_view;
  GtkSpinButton       *workload_spin;
  GtkSpinButton       *ects_spin;
  GtkSpinButton       *validity_spin;
  AdwComboRow         *assessment_type_row;
  AdwComboRow         *assessment_mode_row;
  AdwComboRow         *participation_row;
  AdwComboRow         *supervision_row;
  AdwEntryRow         *prerequisites_row;
  AdwComboRow         *qa_type_row;
  AdwEntryRow         *qa_body_row;
  AdwComboRow         *isced_row;
  AdwComboRow         *stackability_row;
  AdwEntryRow         *towards_row;
  AdwEntryRow         *further_info_row;

  GtkListBox          *outcomes_list;
  AdwEntryRow         *add_outcome_row;

  GtkListBox          *levels_list;
  GtkLabel            *eqf_label;
  GtkWidget           *contradiction_box;
  AdwComboRow         *framework_row;
  AdwComboRow         *level_row;
  AdwEntryRow         *rationale_row;
  GtkLabel            *level_eqf_label;
  GtkBox              *descriptors_box;

  AdwBin              *rubric_slot;

  guint                loading : 1;
  guint                rebuilding : 1;
};

/* One element of the module and the widget that edits it. */
typedef struct
{
  const char *property;
  FieldKind   kind;
  gsize       offset;
  /* For numbers: the row's subtitle, and the message for a negative value. */
  const char *hint;
  const char *negative;
} Field;

/* One step of the undo history. */
typedef struct
{
  char   *property;
  GValue  before;
  GValue  after;
} Change;

/* The widgets of one learning outcome; owned by the editor's outcome_rows. */
typedef struct
{
  AcrModuleEditor    *editor;
  AcrLearningOutcome *outcome;
  AdwExpanderRow     *row;
  AdwEntryRow        *statement_row;
  AdwEntryRow        *statement_en_row;
  AdwComboRow        *kind_row;
  AdwEntryRow        *esco_row;
} OutcomeRow;

/* What the undo toast of a deleted outcome needs to put it back. */
typedef struct
{
  AcrStore           *store;
  AcrLearningOutcome *outcome;
  GWeakRef            editor;
} RestoreData;

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE,
  N_PROPS
};

enum {
  CLOSE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

#define W(member) G_STRUCT_OFFSET (AcrModuleEditor, member)

static const Field fields[] = {
  { "code", FIELD_TEXT, W (code_row), NULL, NULL },
  { "organisation-id", FIELD_ORGANISATION, W (organisation_row), NULL, NULL },
  { "title", FIELD_TEXT, W (title_row), NULL, NULL },
  { "title-en", FIELD_TEXT, W (title_en_row), NULL, NULL },
  { "language", FIELD_TEXT, W (language_row), NULL, NULL },
  { "languages", FIELD_TEXT, W (languages_row), NULL, NULL },
  { "description", FIELD_TEXT_VIEW, W (description_view), NULL, NULL },
  { "description-en", FIELD_TEXT_VIEW, W (description_en_view), NULL, NULL },
  { "workload-hours", FIELD_DOUBLE, W (workload_spin),
    N_("Notional hours of learning"),
    N_("The workload cannot be negative: enter the hours, or 0 when it is not known.") },
  { "ects", FIELD_DOUBLE, W (ects_spin),
    N_("Credits of the European Credit Transfer System"),
    N_("ECTS credits cannot be negative: enter the credits, or 0 when there are none.") },
  { "validity-months", FIELD_INT, W (validity_spin),
    N_("Months a credential stays valid; 0 means unlimited"),
    N_("The validity cannot be negative: enter months, or 0 for unlimited.") },
  { "assessment-type", FIELD_ENUM, W (assessment_type_row), NULL, NULL },
  { "assessment-mode", FIELD_ENUM, W (assessment_mode_row), NULL, NULL },
  { "participation", FIELD_ENUM, W (participation_row), NULL, NULL },
  { "supervision", FIELD_ENUM, W (supervision_row), NULL, NULL },
  { "prerequisites", FIELD_TEXT, W (prerequisites_row), NULL, NULL },
  { "qa-type", FIELD_ENUM, W (qa_type_row), NULL, NULL },
  { "qa-body", FIELD_TEXT, W (qa_body_row), NULL, NULL },
  { "isced-f", FIELD_ISCED, W (isced_row), NULL, NULL },
  { "stackability", FIELD_ENUM, W (stackability_row), NULL, NULL },
  { "stackable-towards", FIELD_TEXT, W (towards_row), NULL, NULL },
  { "further-info", FIELD_TEXT, W (further_info_row), NULL, NULL },
};

#undef W

G_DEFINE_FINAL_TYPE (AcrModuleEditor, acr_module_editor, GTK_TYPE_WIDGET)

static void rebuild_outcomes (AcrModuleEditor *self);
static void rebuild_levels   (AcrModuleEditor *self);

/* "de" when the UI speaks German, else "en": the language of framework descriptors. */
static const char *
get_ui_language (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "de") ? "de" : "en";
}

static GtkWidget *
get_field_widget (AcrModuleEditor *self,
                  const Field     *field)
{
  return G_STRUCT_MEMBER (GtkWidget *, self, field->offset);
}

static const Field *
find_field (const char *property)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_strcmp0 (fields[i].property, property) == 0)
      return &fields[i];

  return NULL;
}

static const Field *
find_field_by_widget (AcrModuleEditor *self,
                      GtkWidget       *widget)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (get_field_widget (self, &fields[i]) == widget)
      return &fields[i];

  return NULL;
}

static void
change_free (gpointer data)
{
  Change *change = data;

  g_free (change->property);
  g_value_unset (&change->before);
  g_value_unset (&change->after);
  g_free (change);
}

static void
outcome_row_free (gpointer data)
{
  OutcomeRow *orow = data;

  g_clear_object (&orow->outcome);
  g_free (orow);
}

static void
restore_data_free (gpointer  data,
                   GClosure *closure)
{
  RestoreData *restore = data;

  g_clear_object (&restore->store);
  g_clear_object (&restore->outcome);
  g_weak_ref_clear (&restore->editor);
  g_free (restore);
}

static void
show_error (AcrModuleEditor *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ACR_IS_WINDOW (root))
    acr_window_show_error (ACR_WINDOW (root), error);
  else
    g_message ("%s", error->message);
}

static void
show_toast (AcrModuleEditor *self,
            AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_message (AcrModuleEditor *self,
              const char      *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  show_toast (self, adw_toast_new (escaped));
}

/* A GtkStringList of the translated labels of @enum_type, in value order. */
static GListModel *
create_enum_model (GType enum_type)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (list, acr_enum_to_label (enum_type, enum_class->values[i].value));

  return G_LIST_MODEL (list);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The text of an entry without surrounding blanks, NULL when blank. */
static char *
dup_entry_text (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (is_blank (text))
    return NULL;
  return g_strstrip (g_strdup (text));
}

static GParamSpec *
find_module_pspec (AcrModuleEditor *self,
                   const char      *property)
{
  return g_object_class_find_property (G_OBJECT_GET_CLASS (self->module), property);
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (G_VALUE_HOLDS_STRING (a))
    {
      const char *sa = g_value_get_string (a);
      const char *sb = g_value_get_string (b);

      /* Unset and empty are the same to the user. */
      return g_strcmp0 (sa != NULL && sa[0] != '\0' ? sa : NULL,
                        sb != NULL && sb[0] != '\0' ? sb : NULL) == 0;
    }

  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Reads the value @field's widget shows into @value (initialised to the property's type). */
static void
read_field (AcrModuleEditor *self,
            const Field     *field,
            GValue          *value)
{
  GtkWidget *widget = get_field_widget (self, field);

  switch (field->kind)
    {
    case FIELD_TEXT:
      g_value_take_string (value, dup_entry_text (GTK_EDITABLE (widget)));
      break;
    case FIELD_TEXT_VIEW:
      {
        GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
        GtkTextIter start;
        GtkTextIter end;
        g_autofree char *text = NULL;

        gtk_text_buffer_get_bounds (buffer, &start, &end);
        text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
        g_value_take_string (value, is_blank (text) ? NULL : g_strstrip (g_steal_pointer (&text)));
      }
      break;
    case FIELD_DOUBLE:
      g_value_set_double (value, gtk_spin_button_get_value (GTK_SPIN_BUTTON (widget)));
      break;
    case FIELD_INT:
      g_value_set_int (value, gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget)));
      break;
    case FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

        g_value_set_enum (value, selected == GTK_INVALID_LIST_POSITION ? 0 : (int) selected);
      }
      break;
    case FIELD_ORGANISATION:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

        g_value_set_int64 (value, selected < self->organisation_ids->len
                                  ? g_array_index (self->organisation_ids, gint64, selected)
                                  : 0);
      }
      break;
    case FIELD_ISCED:
      {
        const char * const *codes = acr_isced_f_list_codes ();
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (widget));

        if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
          g_value_set_string (value, NULL);
        else if (selected <= g_strv_length ((char **) codes))
          g_value_set_string (value, codes[selected - 1]);
        else
          /* The code the module had that is not in the classification. */
          g_value_set_string (value, acr_module_get_isced_f (self->module));
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
set_number_error (AcrModuleEditor *self,
                  const Field     *field,
                  gboolean         invalid)
{
  GtkWidget *spin = get_field_widget (self, field);
  GtkWidget *row = gtk_widget_get_ancestor (spin, ADW_TYPE_ACTION_ROW);

  if (invalid)
    {
      gtk_widget_add_css_class (spin, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field->negative));
      gtk_accessible_update_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (spin, "error");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(field->hint));
      gtk_accessible_reset_state (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows the module's value of @field in its widget. */
static void
write_field (AcrModuleEditor *self,
             const Field     *field)
{
  GtkWidget *widget = get_field_widget (self, field);
  GParamSpec *pspec = find_module_pspec (self, field->property);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean was_loading = self->loading;

  g_assert (pspec != NULL);
  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (self->module), field->property, &value);

  self->loading = TRUE;
  switch (field->kind)
    {
    case FIELD_TEXT:
      {
        const char *text = g_value_get_string (&value);

        gtk_editable_set_text (GTK_EDITABLE (widget), text != NULL ? text : "");
      }
      break;
    case FIELD_TEXT_VIEW:
      {
        const char *text = g_value_get_string (&value);
        GtkWidget *expander = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);
        g_autofree char *excerpt = NULL;
        g_autofree char *escaped = NULL;

        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                                  text != NULL ? text : "", -1);

        /* The collapsed row shows how the text begins. */
        if (is_blank (text))
          excerpt = g_strdup (_("Empty"));
        else if (g_utf8_strlen (text, -1) > 80)
          {
            g_autofree char *start = g_utf8_substring (text, 0, 80);

            excerpt = g_strconcat (start, "…", NULL);
          }
        else
          excerpt = g_strdup (text);
        g_strdelimit (excerpt, "\n", ' ');
        escaped = g_markup_escape_text (excerpt, -1);
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), escaped);
      }
      break;
    case FIELD_DOUBLE:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_value_get_double (&value));
      set_number_error (self, field, FALSE);
      break;
    case FIELD_INT:
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), g_value_get_int (&value));
      set_number_error (self, field, FALSE);
      break;
    case FIELD_ENUM:
      adw_combo_row_set_selected (ADW_COMBO_ROW (widget), (guint) g_value_get_enum (&value));
      break;
    case FIELD_ORGANISATION:
      {
        gint64 id = g_value_get_int64 (&value);
        guint position = 0;

        for (guint i = 0; i < self->organisation_ids->len; i++)
          if (g_array_index (self->organisation_ids, gint64, i) == id)
            position = i;
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), position);
      }
      break;
    case FIELD_ISCED:
      {
        const char * const *codes = acr_isced_f_list_codes ();
        const char *code = g_value_get_string (&value);
        guint position = 0;

        for (guint i = 0; code != NULL && codes[i] != NULL; i++)
          if (g_str_equal (codes[i], code))
            position = i + 1;
        adw_combo_row_set_selected (ADW_COMBO_ROW (widget), position);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  self->loading = was_loading;
}

static void
update_actions (AcrModuleEditor *self)
{
  gboolean editable = self->module != NULL && !acr_module_is_frozen (self->module);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo",
                                 editable && self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo",
                                 editable && self->redo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-version",
                                 self->module != NULL && acr_module_is_frozen (self->module));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", self->module != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.assign-level",
                                 editable
                                 && adw_combo_row_get_selected_item (self->level_row) != NULL);
}

static void
update_header (AcrModuleEditor *self)
{
  const char *title = acr_module_get_title (self->module);
  const char *status = acr_enum_to_label (ACR_TYPE_STATUS, acr_module_get_status (self->module));
  g_autofree char *subtitle = NULL;
  g_autofree char *version = NULL;
  gboolean frozen = acr_module_is_frozen (self->module);

  if (is_blank (title))
    title = _("Untitled Module");
  /* Translators: a module's code, version and status: "IHK-CYB-01 · Version 2 · Draft" */
  subtitle = g_strdup_printf (_("%s · Version %d · %s"),
                              acr_module_get_code (self->module),
                              acr_module_get_version (self->module),
                              status);
  /* Translators: a module's version and status: "2 · Draft" */
  version = g_strdup_printf (_("%d · %s"), acr_module_get_version (self->module), status);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->subtitle_label, subtitle);
  gtk_label_set_label (self->version_label, version);

  gtk_widget_set_sensitive (self->fields_box, !frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->missing_list), !frozen);
  gtk_widget_set_visible (self->new_version_button, frozen);
  update_actions (self);
}

static void
update_completeness (AcrModuleEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;
  guint n_present;
  guint n_total;
  guint n_missing;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->missing_list))) != NULL)
    gtk_list_box_remove (self->missing_list, child);

  g_clear_object (&self->completeness);
  self->completeness = acr_module_check_completeness (self->module, self->store, &error);
  if (self->completeness == NULL)
    {
      gtk_label_set_label (self->completeness_label, error->message);
      return;
    }

  n_present = acr_completeness_get_n_present (self->completeness);
  n_total = acr_completeness_get_n_total (self->completeness);
  n_missing = acr_completeness_get_n_missing (self->completeness);

  /* Translators: "9 of 11 EU mandatory elements" (of a micro-credential, in Annex I) */
  count = g_strdup_printf (ngettext ("%u of %u EU mandatory element",
                                     "%u of %u EU mandatory elements", n_total),
                           n_present, n_total);
  gtk_label_set_label (self->completeness_label, count);

  /* Red-orange below complete, the success colour when complete. */
  gtk_level_bar_remove_offset_value (self->completeness_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->completeness_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->completeness_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_set_max_value (self->completeness_bar, n_total);
  gtk_level_bar_add_offset_value (self->completeness_bar, GTK_LEVEL_BAR_OFFSET_LOW,
                                  n_total - 0.5);
  gtk_level_bar_add_offset_value (self->completeness_bar, GTK_LEVEL_BAR_OFFSET_FULL, n_total);
  gtk_level_bar_set_value (self->completeness_bar, n_present);

  for (guint i = 0; i < n_missing; i++)
    {
      const char *element = NULL;
      const char *message = NULL;
      const char *property = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *icon;

      acr_completeness_get_missing (self->completeness, i, &element, &message, &property);
      title = g_markup_escape_text (acr_completeness_get_element_label (element), -1);
      subtitle = g_markup_escape_text (message, -1);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), property != NULL);
      if (property != NULL)
        {
          icon = gtk_image_new_from_icon_name ("go-next-symbolic");
          gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                                       -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_list_box_append (self->missing_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_list), n_missing > 0);
}

static void
write_all_fields (AcrModuleEditor *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    write_field (self, &fields[i]);
}

/* Sets @property of the module to @to and saves it; on failure puts @from back, shows the
 * error and returns FALSE. @record adds the change to the undo history. */
static gboolean
change_property (AcrModuleEditor *self,
                 const char      *property,
                 const GValue    *from,
                 const GValue    *to,
                 gboolean         record)
{
  g_autoptr(GError) error = NULL;
  const Field *field = find_field (property);

  g_object_set_property (G_OBJECT (self->module), property, to);
  if (!acr_module_save (self->module, self->store, &error))
    {
      g_object_set_property (G_OBJECT (self->module), property, from);
      if (field != NULL)
        write_field (self, field);
      show_error (self, error);
      return FALSE;
    }

  if (record)
    {
      Change *change = g_new0 (Change, 1);

      change->property = g_strdup (property);
      g_value_init (&change->before, G_VALUE_TYPE (from));
      g_value_copy (from, &change->before);
      g_value_init (&change->after, G_VALUE_TYPE (to));
      g_value_copy (to, &change->after);
      g_ptr_array_add (self->undo_stack, change);
      g_ptr_array_set_size (self->redo_stack, 0);
    }

  if (field != NULL)
    write_field (self, field);
  update_header (self);
  update_completeness (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE]);

  return TRUE;
}

/* Saves what @field's widget shows when it differs from the module. */
static void
commit_field (AcrModuleEditor *self,
              const Field     *field)
{
  GParamSpec *pspec;
  g_auto(GValue) before = G_VALUE_INIT;
  g_auto(GValue) after = G_VALUE_INIT;

  if (self->loading || self->module == NULL || acr_module_is_frozen (self->module))
    return;

  pspec = find_module_pspec (self, field->property);
  g_value_init (&before, pspec->value_type);
  g_value_init (&after, pspec->value_type);
  g_object_get_property (G_OBJECT (self->module), field->property, &before);
  read_field (self, field, &after);

  if (field->kind == FIELD_DOUBLE || field->kind == FIELD_INT)
    {
      gboolean negative = field->kind == FIELD_DOUBLE ? g_value_get_double (&after) < 0
                                                      : g_value_get_int (&after) < 0;

      set_number_error (self, field, negative);
      if (negative)
        return;
    }

  if (values_equal (pspec, &before, &after))
    return;

  change_property (self, field->property, &before, &after, TRUE);
}

static void
on_field_changed_cb (GtkWidget  *widget,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  AcrModuleEditor *self = user_data;
  const Field *field = find_field_by_widget (self, widget);

  if (field != NULL)
    commit_field (self, field);
}

static void
on_spin_value_changed_cb (GtkSpinButton *spin,
                          gpointer       user_data)
{
  on_field_changed_cb (GTK_WIDGET (spin), NULL, user_data);
}

static void
on_entry_activated_cb (AdwEntryRow *row,
                       gpointer     user_data)
{
  on_field_changed_cb (GTK_WIDGET (row), NULL, user_data);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   gpointer                 user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  on_field_changed_cb (widget, NULL, user_data);
}

static void
on_missing_row_activated_cb (AcrModuleEditor *self,
                             GtkListBoxRow   *row,
                             GtkListBox      *list)
{
  const char *property = NULL;

  if (self->completeness == NULL)
    return;

  if (acr_completeness_get_missing (self->completeness, gtk_list_box_row_get_index (row),
                                    NULL, NULL, &property)
      && property != NULL)
    acr_module_editor_focus_property (self, property);
}

/* Learning outcomes */

static void
update_outcome_row_labels (OutcomeRow *orow)
{
  AcrLearningOutcome *outcome = orow->outcome;
  const char *esco = acr_learning_outcome_get_esco_uri (outcome);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *plain = NULL;

  plain = g_strdup_printf ("%d. %s", acr_learning_outcome_get_position (outcome),
                           acr_learning_outcome_get_statement (outcome));
  title = g_markup_escape_text (plain, -1);
  if (!is_blank (esco))
    /* Translators: an outcome's kind and that it is linked to an ESCO skill */
    subtitle = g_strdup_printf (_("%s · ESCO skill"),
                                acr_enum_to_label (ACR_TYPE_OUTCOME_KIND,
                                                   acr_learning_outcome_get_kind (outcome)));
  else
    subtitle = g_strdup (acr_enum_to_label (ACR_TYPE_OUTCOME_KIND,
                                            acr_learning_outcome_get_kind (outcome)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (orow->row), title);
  adw_expander_row_set_subtitle (orow->row, subtitle);
}

static void
write_outcome_row (OutcomeRow *orow)
{
  AcrModuleEditor *self = orow->editor;
  const char *en = acr_learning_outcome_get_statement_en (orow->outcome);
  const char *esco = acr_learning_outcome_get_esco_uri (orow->outcome);
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (orow->statement_row),
                         acr_learning_outcome_get_statement (orow->outcome));
  gtk_editable_set_text (GTK_EDITABLE (orow->statement_en_row), en != NULL ? en : "");
  gtk_editable_set_text (GTK_EDITABLE (orow->esco_row), esco != NULL ? esco : "");
  adw_combo_row_set_selected (orow->kind_row, acr_learning_outcome_get_kind (orow->outcome));
  self->loading = was_loading;
  update_outcome_row_labels (orow);
}

/* Saves the outcome's rows when they differ from the outcome. */
static void
commit_outcome (OutcomeRow *orow)
{
  AcrModuleEditor *self = orow->editor;
  AcrLearningOutcome *outcome = orow->outcome;
  g_autoptr(GError) error = NULL;
  g_autofree char *statement = NULL;
  g_autofree char *statement_en = NULL;
  g_autofree char *esco = NULL;
  g_autofree char *old_statement = NULL;
  g_autofree char *old_statement_en = NULL;
  g_autofree char *old_esco = NULL;
  AcrOutcomeKind kind;
  AcrOutcomeKind old_kind;

  if (self->loading || self->rebuilding)
    return;

  statement = dup_entry_text (GTK_EDITABLE (orow->statement_row));
  statement_en = dup_entry_text (GTK_EDITABLE (orow->statement_en_row));
  esco = dup_entry_text (GTK_EDITABLE (orow->esco_row));
  kind = adw_combo_row_get_selected (orow->kind_row);
  if (kind == (AcrOutcomeKind) GTK_INVALID_LIST_POSITION)
    kind = ACR_OUTCOME_KIND_KNOWLEDGE;

  old_statement = g_strdup (acr_learning_outcome_get_statement (outcome));
  old_statement_en = g_strdup (acr_learning_outcome_get_statement_en (outcome));
  old_esco = g_strdup (acr_learning_outcome_get_esco_uri (outcome));
  old_kind = acr_learning_outcome_get_kind (outcome);

  if (g_strcmp0 (statement, old_statement) == 0
      && g_strcmp0 (statement_en, is_blank (old_statement_en) ? NULL : old_statement_en) == 0
      && g_strcmp0 (esco, is_blank (old_esco) ? NULL : old_esco) == 0
      && kind == old_kind)
    return;

  acr_learning_outcome_set_statement (outcome, statement);
  acr_learning_outcome_set_statement_en (outcome, statement_en);
  acr_learning_outcome_set_esco_uri (outcome, esco);
  acr_learning_outcome_set_kind (outcome, kind);

  if (!acr_learning_outcome_save (outcome, self->store, &error))
    {
      acr_learning_outcome_set_statement (outcome, old_statement);
      acr_learning_outcome_set_statement_en (outcome, old_statement_en);
      acr_learning_outcome_set_esco_uri (outcome, old_esco);
      acr_learning_outcome_set_kind (outcome, old_kind);
      write_outcome_row (orow);
      show_error (self, error);
      return;
    }

  write_outcome_row (orow);
  update_completeness (self);
}

static void
on_outcome_entry_activated_cb (AdwEntryRow *row,
                               gpointer     user_data)
{
  commit_outcome (user_data);
}

static void
on_outcome_focus_leave_cb (GtkEventControllerFocus *controller,
                           gpointer                 user_data)
{
  commit_outcome (user_data);
}

static void
on_outcome_kind_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    gpointer     user_data)
{
  commit_outcome (user_data);
}

static void
focus_outcome (AcrModuleEditor *self,
               guint            index)
{
  if (index < self->outcome_rows->len)
    {
      OutcomeRow *orow = g_ptr_array_index (self->outcome_rows, index);

      /* The expander row itself takes no focus: its header row does. */
      if (!gtk_widget_grab_focus (GTK_WIDGET (orow->row)))
        gtk_widget_child_focus (GTK_WIDGET (orow->row), GTK_DIR_TAB_FORWARD);
    }
}

/* Moves the outcome of @orow by @delta places. @orow is freed on return. */
static void
move_outcome (OutcomeRow *orow,
              int         delta)
{
  AcrModuleEditor *self = orow->editor;
  g_autoptr(GError) error = NULL;
  gint64 id = acr_learning_outcome_get_id (orow->outcome);
  int position = acr_learning_outcome_get_position (orow->outcome) + delta;

  if (position < 1 || position > (int) self->outcome_rows->len)
    return;

  commit_outcome (orow);
  if (!acr_module_move_outcome (self->store, id, position, &error))
    show_error (self, error);

  rebuild_outcomes (self);
  focus_outcome (self, position - 1);
}

static void
on_outcome_up_cb (GtkButton *button,
                  gpointer   user_data)
{
  move_outcome (user_data, -1);
}

static void
on_outcome_down_cb (GtkButton *button,
                    gpointer   user_data)
{
  move_outcome (user_data, +1);
}

static gboolean
on_outcome_up_shortcut_cb (GtkWidget *widget,
                           GVariant  *args,
                           gpointer   user_data)
{
  move_outcome (user_data, -1);
  return TRUE;
}

static gboolean
on_outcome_down_shortcut_cb (GtkWidget *widget,
                             GVariant  *args,
                             gpointer   user_data)
{
  move_outcome (user_data, +1);
  return TRUE;
}

static void
on_restore_outcome_cb (AdwToast *toast,
                       gpointer  user_data)
{
  RestoreData *restore = user_data;
  g_autoptr(AcrModuleEditor) self = g_weak_ref_get (&restore->editor);
  g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();
  g_autoptr(GError) error = NULL;
  AcrLearningOutcome *deleted = restore->outcome;
  gboolean saved;

  acr_learning_outcome_set_module_id (outcome, acr_learning_outcome_get_module_id (deleted));
  acr_learning_outcome_set_position (outcome, acr_learning_outcome_get_position (deleted));
  acr_learning_outcome_set_statement (outcome, acr_learning_outcome_get_statement (deleted));
  acr_learning_outcome_set_statement_en (outcome,
                                         acr_learning_outcome_get_statement_en (deleted));
  acr_learning_outcome_set_kind (outcome, acr_learning_outcome_get_kind (deleted));
  acr_learning_outcome_set_esco_uri (outcome, acr_learning_outcome_get_esco_uri (deleted));

  saved = acr_learning_outcome_save (outcome, restore->store, &error);

  if (self == NULL)
    return;
  if (!saved)
    show_error (self, error);
  if (self->module != NULL
      && acr_module_get_id (self->module) == acr_learning_outcome_get_module_id (deleted))
    {
      rebuild_outcomes (self);
      update_completeness (self);
    }
}

/* Deletes the outcome of @orow, with an undo toast. @orow is freed on return. */
static void
on_outcome_delete_cb (GtkButton *button,
                      gpointer   user_data)
{
  OutcomeRow *orow = user_data;
  AcrModuleEditor *self = orow->editor;
  g_autoptr(GError) error = NULL;
  RestoreData *restore;
  AdwToast *toast;
  int position = acr_learning_outcome_get_position (orow->outcome);

  if (!acr_learning_outcome_delete (self->store, acr_learning_outcome_get_id (orow->outcome),
                                    &error))
    {
      show_error (self, error);
      return;
    }

  restore = g_new0 (RestoreData, 1);
  restore->store = g_object_ref (self->store);
  restore->outcome = g_object_ref (orow->outcome);
  g_weak_ref_init (&restore->editor, self);

  rebuild_outcomes (self);
  update_completeness (self);
  /* The focus goes to the outcome that took its place, else the add row. */
  if ((guint) position - 1 < self->outcome_rows->len)
    focus_outcome (self, position - 1);
  else if (self->outcome_rows->len > 0)
    focus_outcome (self, self->outcome_rows->len - 1);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_outcome_row));

  toast = adw_toast_new (_("Learning outcome deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_restore_outcome_cb),
                         restore, restore_data_free, 0);
  show_toast (self, toast);
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

static AdwEntryRow *
create_outcome_entry (OutcomeRow  *orow,
                      const char  *title)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_outcome_entry_activated_cb), orow);
  g_signal_connect (focus, "leave", G_CALLBACK (on_outcome_focus_leave_cb), orow);
  gtk_widget_add_controller (row, focus);
  adw_expander_row_add_row (orow->row, row);

  return ADW_ENTRY_ROW (row);
}

static OutcomeRow *
create_outcome_row (AcrModuleEditor    *self,
                    AcrLearningOutcome *outcome,
                    guint               index,
                    guint               n_outcomes)
{
  OutcomeRow *orow = g_new0 (OutcomeRow, 1);
  g_autoptr(GListModel) kinds = create_enum_model (ACR_TYPE_OUTCOME_KIND);
  GtkEventController *shortcuts;
  GtkWidget *button;

  orow->editor = self;
  orow->outcome = g_object_ref (outcome);
  orow->row = ADW_EXPANDER_ROW (adw_expander_row_new ());

  /* Actions are packed from the end: delete, then down, then up. */
  button = create_icon_button ("user-trash-symbolic", _("Delete Learning Outcome"));
  g_signal_connect (button, "clicked", G_CALLBACK (on_outcome_delete_cb), orow);
  adw_expander_row_add_action (orow->row, button);

  button = create_icon_button ("go-down-symbolic", _("Move Down"));
  gtk_widget_set_sensitive (button, index + 1 < n_outcomes);
  g_signal_connect (button, "clicked", G_CALLBACK (on_outcome_down_cb), orow);
  adw_expander_row_add_action (orow->row, button);

  button = create_icon_button ("go-up-symbolic", _("Move Up"));
  gtk_widget_set_sensitive (button, index > 0);
  g_signal_connect (button, "clicked", G_CALLBACK (on_outcome_up_cb), orow);
  adw_expander_row_add_action (orow->row, button);

  orow->statement_row = create_outcome_entry (orow, _("Statement"));
  orow->statement_en_row = create_outcome_entry (orow, _("Statement in English"));

  orow->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (orow->kind_row), _("Kind"));
  adw_combo_row_set_model (orow->kind_row, kinds);
  adw_expander_row_add_row (orow->row, GTK_WIDGET (orow->kind_row));

  orow->esco_row = create_outcome_entry (orow, _("ESCO skill address (optional)"));
  adw_entry_row_set_input_purpose (orow->esco_row, GTK_INPUT_PURPOSE_URL);

  write_outcome_row (orow);
  g_signal_connect (orow->kind_row, "notify::selected", G_CALLBACK (on_outcome_kind_cb), orow);

  /* Alt+Up and Alt+Down move the outcome while the focus is anywhere in its row. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Up, GDK_ALT_MASK),
                      gtk_callback_action_new (on_outcome_up_shortcut_cb, orow, NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Down, GDK_ALT_MASK),
                      gtk_callback_action_new (on_outcome_down_shortcut_cb, orow, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (orow->row), shortcuts);

  return orow;
}

/* A row saying that @list is empty. */
static void
append_empty_row (GtkListBox *list,
                  const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_append (list, row);
}

static void
rebuild_outcomes (AcrModuleEditor *self)
{
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_outcomes;

  self->rebuilding = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outcomes_list))) != NULL)
    gtk_list_box_remove (self->outcomes_list, child);
  g_ptr_array_set_size (self->outcome_rows, 0);
  self->rebuilding = FALSE;

  if (self->module == NULL || acr_module_get_id (self->module) == 0)
    return;

  outcomes = acr_module_list_outcomes (self->store, acr_module_get_id (self->module), &error);
  if (outcomes == NULL)
    {
      show_error (self, error);
      return;
    }

  n_outcomes = g_list_model_get_n_items (outcomes);
  for (guint i = 0; i < n_outcomes; i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (outcomes, i);
      OutcomeRow *orow = create_outcome_row (self, outcome, i, n_outcomes);

      g_ptr_array_add (self->outcome_rows, orow);
      gtk_list_box_append (self->outcomes_list, GTK_WIDGET (orow->row));
    }
  if (n_outcomes == 0)
    append_empty_row (self->outcomes_list, _("No learning outcome yet"));
}

static void
on_add_outcome_cb (AcrModuleEditor *self,
                   AdwEntryRow     *row)
{
  g_autoptr(AcrLearningOutcome) outcome = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *statement = dup_entry_text (GTK_EDITABLE (row));

  if (statement == NULL || self->module == NULL)
    return;

  outcome = acr_learning_outcome_new ();
  acr_learning_outcome_set_module_id (outcome, acr_module_get_id (self->module));
  acr_learning_outcome_set_statement (outcome, statement);
  acr_learning_outcome_set_kind (outcome, ACR_OUTCOME_KIND_KNOWLEDGE);
  if (!acr_learning_outcome_save (outcome, self->store, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
  rebuild_outcomes (self);
  update_completeness (self);
}

/* Levels */

static AcrFramework *
get_selected_framework (AcrModuleEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->framework_row);

  if (selected >= self->frameworks->len)
    return NULL;
  return g_ptr_array_index (self->frameworks, selected);
}

static AcrFrameworkLevel *
get_selected_level (AcrModuleEditor *self)
{
  AcrFramework *framework = get_selected_framework (self);
  guint selected = adw_combo_row_get_selected (self->level_row);
  AcrFrameworkLevel *level;

  if (framework == NULL || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  level = g_list_model_get_item (acr_framework_get_levels (framework), selected);
  /* The framework keeps its own reference: return the level unowned. */
  if (level != NULL)
    g_object_unref (level);
  return level;
}

static AcrFramework *
find_framework (AcrModuleEditor *self,
                const char      *code,
                guint           *position)
{
  for (guint i = 0; i < self->frameworks->len; i++)
    {
      AcrFramework *framework = g_ptr_array_index (self->frameworks, i);

      if (g_strcmp0 (acr_framework_get_code (framework), code) == 0)
        {
          if (position != NULL)
            *position = i;
          return framework;
        }
    }

  return NULL;
}

static const char *
get_framework_title (AcrFramework *framework)
{
  const char *title = g_str_equal (get_ui_language (), "de")
                      ? acr_framework_get_title_de (framework)
                      : acr_framework_get_title_en (framework);

  if (is_blank (title))
    title = acr_framework_get_title_en (framework);
  if (is_blank (title))
    title = acr_framework_get_title_de (framework);
  return is_blank (title) ? acr_framework_get_code (framework) : title;
}

static void
update_descriptors (AcrModuleEditor *self)
{
  AcrFramework *framework = get_selected_framework (self);
  AcrFrameworkLevel *level = get_selected_level (self);
  const char *lang = get_ui_language ();
  GListModel *dimensions;
  GtkWidget *child;
  g_autofree char *eqf = NULL;
  int eqf_level;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->descriptors_box))) != NULL)
    gtk_box_remove (self->descriptors_box, child);

  update_actions (self);
  if (framework == NULL || level == NULL)
    {
      gtk_label_set_label (self->level_eqf_label, "");
      return;
    }

  eqf_level = acr_framework_level_get_eqf_level (level);
  if (eqf_level <= 0)
    eqf = g_strdup (_("This level is not referenced to an EQF level."));
  else if (acr_framework_get_is_eqf (framework))
    eqf = g_strdup_printf (_("EQF level %d"), eqf_level);
  else
    eqf = g_strdup_printf (_("Referenced to EQF level %d"), eqf_level);
  gtk_label_set_label (self->level_eqf_label, eqf);

  dimensions = acr_framework_get_dimensions (framework);
  for (guint i = 0; i < g_list_model_get_n_items (dimensions); i++)
    {
      g_autoptr(AcrFrameworkDimension) dimension = g_list_model_get_item (dimensions, i);
      const char *code = acr_framework_dimension_get_code (dimension);
      const char *title = g_str_equal (lang, "de")
                          ? acr_framework_dimension_get_title_de (dimension)
                          : acr_framework_dimension_get_title_en (dimension);
      const char *text = acr_framework_level_get_descriptor (level, code, lang);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *heading;
      GtkWidget *body;

      if (is_blank (title))
        title = code;
      heading = gtk_label_new (title);
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_widget_add_css_class (heading, "caption-heading");

      body = gtk_label_new (text != NULL ? text : _("No descriptor."));
      gtk_label_set_xalign (GTK_LABEL (body), 0);
      gtk_label_set_wrap (GTK_LABEL (body), TRUE);
      gtk_label_set_selectable (GTK_LABEL (body), TRUE);
      if (text == NULL)
        gtk_widget_add_css_class (body, "dim-label");

      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), body);
      gtk_box_append (self->descriptors_box, box);
    }
}

/* The module's assignment in the framework @code, or NULL (transfer full). */
static AcrLevelAssignment *
find_assignment (AcrModuleEditor *self,
                 const char      *code)
{
  g_autoptr(GListModel) levels = NULL;

  if (self->module == NULL || acr_module_get_id (self->module) == 0)
    return NULL;

  levels = acr_module_list_levels (self->store, acr_module_get_id (self->module), NULL);
  for (guint i = 0; levels != NULL && i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrLevelAssignment) assignment = g_list_model_get_item (levels, i);

      if (g_strcmp0 (acr_level_assignment_get_framework_code (assignment), code) == 0)
        return g_steal_pointer (&assignment);
    }

  return NULL;
}

static void
on_framework_selected_cb (AcrModuleEditor *self,
                          GParamSpec      *pspec,
                          AdwComboRow     *row)
{
  AcrFramework *framework = get_selected_framework (self);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(AcrLevelAssignment) assignment = NULL;
  GListModel *levels;
  guint selected = 0;

  if (framework != NULL)
    {
      levels = acr_framework_get_levels (framework);
      assignment = find_assignment (self, acr_framework_get_code (framework));
      for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
        {
          g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);
          g_autofree char *label = NULL;

          /* Translators: a level of a framework as the framework writes it: "Level IV" */
          label = g_strdup_printf (_("Level %s"), acr_framework_level_get_label (level));
          gtk_string_list_append (labels, label);
          if (assignment != NULL
              && acr_level_assignment_get_level (assignment)
                 == acr_framework_level_get_level (level))
            selected = i;
        }
    }

  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (labels));
  if (g_list_model_get_n_items (G_LIST_MODEL (labels)) > 0)
    adw_combo_row_set_selected (self->level_row, selected);
  gtk_editable_set_text (GTK_EDITABLE (self->rationale_row),
                         assignment != NULL && acr_level_assignment_get_rationale (assignment)
                         ? acr_level_assignment_get_rationale (assignment) : "");
  update_descriptors (self);
}

static void
on_level_selected_cb (AcrModuleEditor *self,
                      GParamSpec      *pspec,
                      AdwComboRow     *row)
{
  update_descriptors (self);
}

static void
on_unassign_level_cb (GtkButton *button,
                      gpointer   user_data)
{
  const char *code = user_data;
  AcrModuleEditor *self;
  g_autoptr(GError) error = NULL;

  self = ACR_MODULE_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (button),
                                                     ACR_TYPE_MODULE_EDITOR));
  if (self->module == NULL)
    return;
  if (!acr_module_unassign_level (self->store, acr_module_get_id (self->module), code, &error))
    show_error (self, error);

  rebuild_levels (self);
  update_completeness (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->framework_row));
}

static void
free_string_closure (gpointer  data,
                     GClosure *closure)
{
  g_free (data);
}

static void
rebuild_levels (AcrModuleEditor *self)
{
  g_autoptr(GListModel) levels = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  gboolean contradiction = FALSE;
  int eqf_level;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->levels_list))) != NULL)
    gtk_list_box_remove (self->levels_list, child);

  gtk_widget_set_visible (self->contradiction_box, FALSE);
  gtk_label_set_label (self->eqf_label, "");
  if (self->module == NULL || acr_module_get_id (self->module) == 0)
    return;

  levels = acr_module_list_levels (self->store, acr_module_get_id (self->module), &error);
  if (levels == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrLevelAssignment) assignment = g_list_model_get_item (levels, i);
      const char *code = acr_level_assignment_get_framework_code (assignment);
      AcrFramework *framework = find_framework (self, code, NULL);
      AcrFrameworkLevel *level = NULL;
      const char *rationale = acr_level_assignment_get_rationale (assignment);
      int eqf = acr_level_assignment_get_eqf_level (assignment);
      g_autofree char *plain = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *eqf_text = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row;
      GtkWidget *label;
      GtkWidget *button;

      if (framework != NULL)
        level = acr_framework_get_level (framework, acr_level_assignment_get_level (assignment));

      /* Translators: a framework and a level in it: "Deutscher Qualifikationsrahmen, level 4" */
      plain = g_strdup_printf (_("%s, level %s"),
                               framework != NULL ? get_framework_title (framework) : code,
                               level != NULL ? acr_framework_level_get_label (level) : "?");
      title = g_markup_escape_text (plain, -1);
      subtitle = g_markup_escape_text (!is_blank (rationale) ? rationale
                                                             : _("No rationale given"), -1);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      eqf_text = eqf > 0 ? g_strdup_printf (_("EQF %d"), eqf) : g_strdup (_("No EQF level"));
      label = gtk_label_new (eqf_text);
      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

      /* Translators: the accessible name of the button that removes a level: "Remove DQR Level" */
      remove_label = g_strdup_printf (_("Remove %s Level"), code);
      button = create_icon_button ("edit-delete-symbolic", remove_label);
      g_signal_connect_data (button, "clicked", G_CALLBACK (on_unassign_level_cb),
                             g_strdup (code), free_string_closure, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      gtk_list_box_append (self->levels_list, row);
    }
  if (g_list_model_get_n_items (levels) == 0)
    append_empty_row (self->levels_list, _("No level assigned yet"));

  eqf_level = acr_module_get_eqf_level (self->store, acr_module_get_id (self->module),
                                        &contradiction, &error);
  if (eqf_level < 0)
    {
      show_error (self, error);
      return;
    }

  if (eqf_level > 0)
    {
      g_autofree char *text = g_strdup_printf (_("Derived EQF level: %d"), eqf_level);

      gtk_label_set_label (self->eqf_label, text);
    }
  else
    gtk_label_set_label (self->eqf_label, _("No EQF level can be derived yet."));
  gtk_widget_set_visible (self->contradiction_box, contradiction);
}

static void
load_frameworks (AcrModuleEditor *self)
{
  g_autoptr(AcrPagedList) list = acr_framework_list (self->store, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_ptr_array_set_size (self->frameworks, 0);
  for (guint i = 0; i < n_items; i++)
    {
      AcrFramework *framework = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *label = NULL;

      /* Translators: a framework's code and title: "DQR — Deutscher Qualifikationsrahmen" */
      label = g_strdup_printf (_("%s — %s"), acr_framework_get_code (framework),
                               get_framework_title (framework));
      gtk_string_list_append (labels, label);
      g_ptr_array_add (self->frameworks, framework);
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->framework_row, G_LIST_MODEL (labels));
  self->loading = FALSE;
}

static void
load_organisations (AcrModuleEditor *self)
{
  g_autoptr(AcrPagedList) list = acr_organisation_list (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  gint64 none = 0;

  g_array_set_size (self->organisation_ids, 0);
  g_array_append_val (self->organisation_ids, none);
  gtk_string_list_append (names, _("None"));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AcrOrganisation) organisation = g_list_model_get_item (G_LIST_MODEL (list), i);
      gint64 id = acr_organisation_get_id (organisation);

      g_array_append_val (self->organisation_ids, id);
      gtk_string_list_append (names, acr_organisation_get_name (organisation));
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->organisation_row, G_LIST_MODEL (names));
  self->loading = FALSE;
}

/* Actions */

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (widget);
  GPtrArray *from = g_str_equal (action_name, "editor.undo") ? self->undo_stack
                                                             : self->redo_stack;
  GPtrArray *to = from == self->undo_stack ? self->redo_stack : self->undo_stack;
  Change *change;
  gboolean undoing = from == self->undo_stack;

  if (from->len == 0 || self->module == NULL)
    return;

  change = g_ptr_array_steal_index (from, from->len - 1);
  if (change_property (self, change->property,
                       undoing ? &change->after : &change->before,
                       undoing ? &change->before : &change->after,
                       FALSE))
    g_ptr_array_add (to, change);
  else
    change_free (change);

  update_actions (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_signal_emit (widget, signals [CLOSE], 0);
}

static void
new_version_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (widget);
  g_autoptr(AcrModule) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  draft = acr_module_new_version (self->store, acr_module_get_id (self->module), &error);
  if (draft == NULL || !acr_module_editor_load (self, acr_module_get_id (draft), &error))
    {
      show_error (self, error);
      return;
    }

  message = g_strdup_printf (_("Version %d created as a draft"), acr_module_get_version (draft));
  show_message (self, message);
  acr_module_editor_focus_property (self, "title");
}

static void
on_delete_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       gpointer          user_data)
{
  g_autoptr(AcrModuleEditor) self = g_weak_ref_get (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self == NULL || self->module == NULL || !g_str_equal (response, "delete"))
    return;

  if (!acr_module_delete (self->store, acr_module_get_id (self->module), &error))
    {
      show_error (self, error);
      return;
    }

  /* Translators: after deleting "IHK-CYB-01", version 2 */
  message = g_strdup_printf (_("%s, version %d, deleted"), acr_module_get_code (self->module),
                             acr_module_get_version (self->module));
  /* Nothing may save the deleted version again, not even a row losing the focus. */
  g_clear_object (&self->module);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE]);
  show_message (self, message);
  g_signal_emit (self, signals [CLOSE], 0);
}

static void
free_weak_ref (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  /* Translators: the body of the dialog that asks before deleting a module version */
  body = g_strdup_printf (_("Version %d of the module “%s”, with its learning outcomes, levels "
                            "and rubric, will be deleted. This cannot be undone."),
                          acr_module_get_version (self->module),
                          acr_module_get_code (self->module));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Delete Module Version?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_weak_ref_init (ref, self);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_delete_response_cb),
                         ref, free_weak_ref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assign_level_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (widget);
  AcrFramework *framework = get_selected_framework (self);
  AcrFrameworkLevel *level = get_selected_level (self);
  g_autofree char *rationale = dup_entry_text (GTK_EDITABLE (self->rationale_row));
  g_autoptr(GError) error = NULL;

  if (framework == NULL || level == NULL || self->module == NULL)
    return;

  if (!acr_module_assign_level (self->store, acr_module_get_id (self->module),
                                acr_framework_get_code (framework),
                                acr_framework_level_get_level (level),
                                rationale, &error))
    {
      show_error (self, error);
      return;
    }

  rebuild_levels (self);
  update_completeness (self);
}

/* GObject */

static void
connect_fields (AcrModuleEditor *self)
{
  /* The class may not exist yet when no module was made before the editor. */
  g_autoptr(GTypeClass) module_class = g_type_class_ref (ACR_TYPE_MODULE);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const Field *field = &fields[i];
      GtkWidget *widget = get_field_widget (self, field);
      GtkEventController *focus;

      switch (field->kind)
        {
        case FIELD_TEXT:
          g_signal_connect (widget, "entry-activated", G_CALLBACK (on_entry_activated_cb), self);
          G_GNUC_FALLTHROUGH;
        case FIELD_TEXT_VIEW:
          focus = gtk_event_controller_focus_new ();
          g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
          gtk_widget_add_controller (widget, focus);
          break;
        case FIELD_DOUBLE:
        case FIELD_INT:
          g_signal_connect (widget, "value-changed", G_CALLBACK (on_spin_value_changed_cb), self);
          break;
        case FIELD_ENUM:
          {
            GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (module_class),
                                                              field->property);
            g_autoptr(GListModel) model = create_enum_model (pspec->value_type);

            adw_combo_row_set_model (ADW_COMBO_ROW (widget), model);
          }
          G_GNUC_FALLTHROUGH;
        case FIELD_ORGANISATION:
        case FIELD_ISCED:
          g_signal_connect (widget, "notify::selected", G_CALLBACK (on_field_changed_cb), self);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

static void
fill_isced_model (AcrModuleEditor *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *codes = acr_isced_f_list_codes ();

  gtk_string_list_append (labels, _("Not set"));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      /* Translators: an ISCED-F field: "0613 — Software and applications development" */
      g_autofree char *label = g_strdup_printf (_("%s — %s"), codes[i],
                                                acr_isced_f_get_name (codes[i]));

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->isced_row, G_LIST_MODEL (labels));
}

static void
acr_module_editor_constructed (GObject *object)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (object);

  G_OBJECT_CLASS (acr_module_editor_parent_class)->constructed (object);

  g_assert (ACR_IS_STORE (self->store));
  load_organisations (self);
  load_frameworks (self);
  g_signal_connect_object (self->framework_row, "notify::selected",
                           G_CALLBACK (on_framework_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->level_row, "notify::selected",
                           G_CALLBACK (on_level_selected_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);
}

/* Focusing the editor focuses its first control, the back button: the tab order of a
 * widget not laid out yet is not known. */
static gboolean
acr_module_editor_grab_focus (GtkWidget *widget)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (widget);

  return gtk_widget_grab_focus (self->back_button);
}

static void
acr_module_editor_dispose (GObject *object)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (object);
  GtkWidget *child;

  self->rebuilding = TRUE;
  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_MODULE_EDITOR);
  /* GTK 4.8 leaves the template's unnamed children in place. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->outcome_rows, g_ptr_array_unref);
  g_clear_pointer (&self->frameworks, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  g_clear_object (&self->completeness);
  g_clear_object (&self->module);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (acr_module_editor_parent_class)->dispose (object);
}

static void
acr_module_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODULE:
      g_value_set_object (value, self->module);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_module_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AcrModuleEditor *self = ACR_MODULE_EDITOR (object);

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
acr_module_editor_class_init (AcrModuleEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = acr_module_editor_constructed;
  object_class->dispose = acr_module_editor_dispose;
  object_class->get_property = acr_module_editor_get_property;
  object_class->set_property = acr_module_editor_set_property;

  widget_class->grab_focus = acr_module_editor_grab_focus;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /* Notified after each saved change as well as on loading. */
  properties [PROP_MODULE] =
    g_param_spec_object ("module", NULL, NULL,
                         ACR_TYPE_MODULE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The user asked to go back to the list, or deleted the version shown. */
  signals [CLOSE] =
    g_signal_new ("close",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-module-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, new_version_button);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, completeness_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, completeness_bar);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, missing_list);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, fields_box);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, version_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, title_en_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, language_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, languages_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, description_expander);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, description_en_expander);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, description_en_view);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, workload_spin);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, ects_spin);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, validity_spin);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, assessment_type_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, assessment_mode_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, participation_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, supervision_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, prerequisites_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, qa_type_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, qa_body_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, isced_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, stackability_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, towards_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, further_info_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, outcomes_list);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, add_outcome_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, levels_list);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, eqf_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, contradiction_box);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, framework_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, level_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, rationale_row);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, level_eqf_label);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, descriptors_box);
  gtk_widget_class_bind_template_child (widget_class, AcrModuleEditor, rubric_slot);
  gtk_widget_class_bind_template_callback (widget_class, on_missing_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_outcome_cb);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.new-version", NULL, new_version_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.assign-level", NULL,
                                   assign_level_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "editor.back", NULL);
}

static void
acr_module_editor_init (AcrModuleEditor *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (change_free);
  self->redo_stack = g_ptr_array_new_with_free_func (change_free);
  self->organisation_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->frameworks = g_ptr_array_new_with_free_func (g_object_unref);
  self->outcome_rows = g_ptr_array_new_with_free_func (outcome_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  fill_isced_model (self);
  connect_fields (self);

}

/* Public API */

GtkWidget *
acr_module_editor_new (AcrStore *store)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);

  return g_object_new (ACR_TYPE_MODULE_EDITOR,
                       "store", store,
                       NULL);
}

AcrStore *
acr_module_editor_get_store (AcrModuleEditor *self)
{
  g_return_val_if_fail (ACR_IS_MODULE_EDITOR (self), NULL);

  return self->store;
}

AcrModule *
acr_module_editor_get_module (AcrModuleEditor *self)
{
  g_return_val_if_fail (ACR_IS_MODULE_EDITOR (self), NULL);

  return self->module;
}

gboolean
acr_module_editor_load (AcrModuleEditor  *self,
                        gint64            module_id,
                        GError          **error)
{
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GListModel) levels = NULL;
  guint framework_position = 0;

  g_return_val_if_fail (ACR_IS_MODULE_EDITOR (self), FALSE);
  g_return_val_if_fail (module_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  module = acr_module_load (self->store, module_id, error);
  if (module == NULL)
    return FALSE;

  g_set_object (&self->module, module);
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);

  /* Organisations and frameworks may have changed since the last module. */
  load_organisations (self);
  load_frameworks (self);

  self->loading = TRUE;
  write_all_fields (self);
  gtk_editable_set_text (GTK_EDITABLE (self->add_outcome_row), "");
  self->loading = FALSE;

  update_header (self);
  update_completeness (self);
  rebuild_outcomes (self);
  rebuild_levels (self);

  /* The picker starts on the framework of the first assignment, else on the first one. */
  levels = acr_module_list_levels (self->store, module_id, NULL);
  if (levels != NULL && g_list_model_get_n_items (levels) > 0)
    {
      g_autoptr(AcrLevelAssignment) first = g_list_model_get_item (levels, 0);

      find_framework (self, acr_level_assignment_get_framework_code (first),
                      &framework_position);
    }
  if (self->frameworks->len > 0)
    {
      adw_combo_row_set_selected (self->framework_row, framework_position);
      /* Setting the same position does not notify. */
      on_framework_selected_cb (self, NULL, self->framework_row);
    }

  if (self->rubric_editor == NULL)
    {
      self->rubric_editor = acr_rubric_editor_new (self->store, module_id);
      adw_bin_set_child (self->rubric_slot, self->rubric_editor);
    }
  else
    acr_rubric_editor_set_module_id (ACR_RUBRIC_EDITOR (self->rubric_editor), module_id);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE]);
  return TRUE;
}

gboolean
acr_module_editor_focus_property (AcrModuleEditor *self,
                                  const char      *property)
{
  const Field *field;
  GtkWidget *widget = NULL;

  g_return_val_if_fail (ACR_IS_MODULE_EDITOR (self), FALSE);
  g_return_val_if_fail (property != NULL, FALSE);

  if (g_str_equal (property, "outcomes"))
    widget = GTK_WIDGET (self->add_outcome_row);
  else if (g_str_equal (property, "levels"))
    widget = GTK_WIDGET (self->framework_row);
  else if ((field = find_field (property)) != NULL)
    {
      widget = get_field_widget (self, field);
      if (widget == GTK_WIDGET (self->description_view))
        adw_expander_row_set_expanded (self->description_expander, TRUE);
      else if (widget == GTK_WIDGET (self->description_en_view))
        adw_expander_row_set_expanded (self->description_en_expander, TRUE);
    }

  if (widget == NULL)
    return FALSE;

  return gtk_widget_grab_focus (widget);
}
