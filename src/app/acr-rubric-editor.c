/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrRubricEditor: the rubric of one module as a grid of criteria (rows) × performance levels
 * (columns), with a descriptor in each cell, points per level, weight and assessed outcomes
 * per criterion, the pass rule, and a preview that scores a made-up result.
 *
 * Rules it keeps:
 * - The AcrRubric loaded from the store is the model: every edit changes it at once and
 *   schedules a save half a second after the last edit (or when focus leaves the editor).
 * - A save the rubric refuses as INVALID leaves the edit in place and shows the sentence
 *   until a later edit makes it valid, so a name can be cleared and retyped; any other error
 *   (READ_ONLY, CONSTRAINT, the database) is shown and the rubric is reloaded from the store.
 * - The grid is rebuilt from the model whenever rows or columns come or go; the widgets keep
 *   no state of their own. Removing a row or column offers an undo toast.
 * - An approved or retired module version is frozen: nothing can be edited, and a caption
 *   says why. The preview stays usable: it saves nothing. */

#define G_LOG_DOMAIN "acr-rubric-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-rubric-editor.h"
#include "acr-window.h"

#define SAVE_DELAY_MS 500

/* The widgets of one column header and one row header, by position. */
typedef struct
{
  GtkWidget *entry;
  GtkWidget *spin;
  GtkWidget *remove_button;
} LevelWidgets;

typedef struct
{
  GtkWidget *entry;
  GtkWidget *spin;
  GtkWidget *outcomes_button;
  GtkWidget *remove_button;
} CriterionWidgets;

struct _AcrRubricEditor
{
  AdwBin           parent_instance;

  AcrStore        *store;
  gint64           module_id;
  char            *module_title;
  AcrRubric       *rubric;             /* NULL while the module has none */
  GListModel      *outcomes;           /* of AcrLearningOutcome, the module's */
  guint            save_source;

  GPtrArray       *level_widgets;      /* LevelWidgets, by level position */
  GPtrArray       *criterion_widgets;  /* CriterionWidgets, by criterion position */
  GPtrArray       *cells;              /* GtkTextView, criterion by criterion */
  GPtrArray       *preview_rows;       /* AdwActionRow, by criterion position */
  GPtrArray       *preview_dropdowns;  /* GtkDropDown, by criterion position */

  guint            frozen : 1;
  guint            module_ok : 1;
  guint            dirty : 1;
  guint            building : 1;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkButton       *create_button;
  GtkLabel        *frozen_label;
  GtkLabel        *error_label;
  GtkWidget       *content_box;
  GtkGrid         *grid;
  GtkWidget       *add_criterion_button;
  GtkWidget       *add_level_button;
  AdwActionRow    *min_total_row;
  GtkSpinButton   *min_total_spin;
  GtkSpinButton   *min_points_spin;
  GtkListBox      *preview_list;
  GtkLabel        *preview_total_label;
  GtkLabel        *preview_result_label;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_MODULE_ID,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* What a signal handler of a grid widget works on. */
typedef struct
{
  AcrRubricEditor    *self;       /* not a reference: the editor outlives its grid */
  AcrRubricCriterion *criterion;  /* (nullable) a reference */
  AcrRubricLevel     *level;      /* (nullable) a reference */
  gint64              outcome_id;
} Ref;

/* A removed row or column, to put back. */
typedef struct
{
  GWeakRef   editor;
  AcrRubric *rubric;        /* the rubric it was removed from */
  gboolean   is_level;
  guint      position;
  char      *name;          /* the level's name or the criterion's description */
  double     value;         /* points or weight */
  GArray    *outcome_ids;   /* of a criterion */
  GPtrArray *others;        /* the criteria (of a level) or levels (of a criterion) of its cells */
  GPtrArray *descriptors;   /* the cells' descriptors, as in @others */
} Undo;

/* The level names in the preview's pickers follow renames as they are typed. */
static const char level_item_ui[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<interface>"
  "  <template class=\"GtkListItem\">"
  "    <property name=\"child\">"
  "      <object class=\"GtkLabel\">"
  "        <property name=\"xalign\">0</property>"
  "        <binding name=\"label\">"
  "          <lookup name=\"name\" type=\"AcrRubricLevel\">"
  "            <lookup name=\"item\">GtkListItem</lookup>"
  "          </lookup>"
  "        </binding>"
  "      </object>"
  "    </property>"
  "  </template>"
  "</interface>";

G_DEFINE_FINAL_TYPE (AcrRubricEditor, acr_rubric_editor, ADW_TYPE_BIN)

static void rebuild (AcrRubricEditor *self);
static void reload_rubric (AcrRubricEditor *self);
static void load_module (AcrRubricEditor *self);
static void update_preview (AcrRubricEditor *self);

static Ref *
ref_new (AcrRubricEditor    *self,
         AcrRubricCriterion *criterion,
         AcrRubricLevel     *level,
         gint64              outcome_id)
{
  Ref *ref = g_new0 (Ref, 1);

  ref->self = self;
  ref->criterion = criterion != NULL ? g_object_ref (criterion) : NULL;
  ref->level = level != NULL ? g_object_ref (level) : NULL;
  ref->outcome_id = outcome_id;

  return ref;
}

static void
ref_free (gpointer  data,
          GClosure *closure)
{
  Ref *ref = data;

  g_clear_object (&ref->criterion);
  g_clear_object (&ref->level);
  g_free (ref);
}

static void
connect_ref (gpointer            instance,
             const char         *signal,
             GCallback           callback,
             AcrRubricEditor    *self,
             AcrRubricCriterion *criterion,
             AcrRubricLevel     *level,
             gint64              outcome_id)
{
  g_signal_connect_data (instance, signal, callback,
                         ref_new (self, criterion, level, outcome_id), ref_free, 0);
}

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_weak_ref_clear (&undo->editor);
  g_clear_object (&undo->rubric);
  g_free (undo->name);
  g_clear_pointer (&undo->outcome_ids, g_array_unref);
  g_clear_pointer (&undo->others, g_ptr_array_unref);
  g_clear_pointer (&undo->descriptors, g_ptr_array_unref);
  g_free (undo);
}

static void
set_label (gpointer    widget,
           const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static guint
n_levels (AcrRubricEditor *self)
{
  return g_list_model_get_n_items (acr_rubric_get_levels (self->rubric));
}

static guint
n_criteria (AcrRubricEditor *self)
{
  return g_list_model_get_n_items (acr_rubric_get_criteria (self->rubric));
}

/* Borrowed: the rubric's list holds a reference. */
static AcrRubricLevel *
level_at (AcrRubricEditor *self,
          guint            index)
{
  g_autoptr(AcrRubricLevel) level = g_list_model_get_item (acr_rubric_get_levels (self->rubric),
                                                           index);

  return level;
}

static AcrRubricCriterion *
criterion_at (AcrRubricEditor *self,
              guint            index)
{
  g_autoptr(AcrRubricCriterion) criterion =
    g_list_model_get_item (acr_rubric_get_criteria (self->rubric), index);

  return criterion;
}

static gboolean
model_contains (GListModel *model,
                gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return TRUE;
    }

  return FALSE;
}

static const char *
level_display_name (AcrRubricLevel *level)
{
  const char *name = acr_rubric_level_get_name (level);

  return name != NULL ? name : "";
}

static void
show_error (AcrRubricEditor *self,
            const GError    *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
hide_error (AcrRubricEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_label (self->error_label, "");
}

/* A toast in the window's overlay when there is one, else in the editor's own. */
static AdwToastOverlay *
get_toast_overlay (AcrRubricEditor *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *overlay = NULL;

  if (parent != NULL)
    overlay = gtk_widget_get_ancestor (parent, ADW_TYPE_TOAST_OVERLAY);

  return overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : self->toast_overlay;
}

static void
toast_error (AcrRubricEditor *self,
             const GError    *error)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), ACR_TYPE_WINDOW);
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  if (window != NULL)
    {
      acr_window_show_error (ACR_WINDOW (window), error);
      return;
    }

  escaped = g_markup_escape_text (error->message, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (get_toast_overlay (self), toast);
}

static gboolean
save_pending (AcrRubricEditor  *self,
              GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty || self->rubric == NULL || self->frozen || self->store == NULL)
    return TRUE;

  if (!acr_rubric_save (self->rubric, self->store, &local_error))
    {
      /* An invalid edit stays, to be completed; anything else goes back to what is saved,
       * with the module read anew: it may have been approved meanwhile. */
      if (!g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID))
        {
          toast_error (self, local_error);
          load_module (self);
        }
      show_error (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->dirty = FALSE;
  hide_error (self);
  g_signal_emit (self, signals [SAVED], 0);
  /* The new rows have their ids now, which the preview needs; the widgets stay as they are,
   * with the focus where it is. */
  update_preview (self);

  return TRUE;
}

static gboolean
save_timeout_cb (gpointer data)
{
  AcrRubricEditor *self = data;

  self->save_source = 0;
  save_pending (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (AcrRubricEditor *self)
{
  if (self->frozen)
    return;

  self->dirty = TRUE;
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
update_max_total (AcrRubricEditor *self)
{
  g_autofree char *subtitle = NULL;

  if (self->rubric == NULL)
    return;

  subtitle = g_strdup_printf (_("The highest possible total is %g points."),
                              acr_rubric_get_max_total (self->rubric));
  adw_action_row_set_subtitle (self->min_total_row, subtitle);
}

static void
set_result_class (AcrRubricEditor *self,
                  const char      *css_class)
{
  GtkWidget *label = GTK_WIDGET (self->preview_result_label);

  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
}

static void
update_preview (AcrRubricEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *criterion_ids = NULL;
  g_autofree gint64 *level_ids = NULL;
  g_autofree char *total_text = NULL;
  gboolean pending = FALSE;
  gboolean passed = FALSE;
  double total = 0;
  guint n;

  if (self->rubric == NULL || self->building)
    return;

  n = n_criteria (self);
  if (n != self->preview_dropdowns->len)
    return;

  criterion_ids = g_new0 (gint64, n + 1);
  level_ids = g_new0 (gint64, n + 1);
  for (guint i = 0; i < n; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->preview_dropdowns, i);
      guint selected = gtk_drop_down_get_selected (dropdown);
      AcrRubricLevel *level = NULL;

      if (selected != GTK_INVALID_LIST_POSITION && selected < n_levels (self))
        level = level_at (self, selected);

      criterion_ids[i] = acr_rubric_criterion_get_id (criterion_at (self, i));
      level_ids[i] = level != NULL ? acr_rubric_level_get_id (level) : 0;
      if (criterion_ids[i] == 0 || level_ids[i] == 0)
        pending = TRUE;
    }

  if (pending)
    {
      gtk_label_set_label (self->preview_total_label,
                           _("The result shows once the changes are saved."));
      gtk_label_set_label (self->preview_result_label, "");
      set_result_class (self, NULL);
      return;
    }

  if (!acr_rubric_score (self->rubric, criterion_ids, level_ids, n, &total, &passed, &error))
    {
      gtk_label_set_label (self->preview_total_label, error->message);
      gtk_label_set_label (self->preview_result_label, "");
      set_result_class (self, NULL);
      return;
    }

  /* Translators: the total of a tried result and the most a result can reach */
  total_text = g_strdup_printf (_("Total: %g of %g points"),
                                total, acr_rubric_get_max_total (self->rubric));
  gtk_label_set_label (self->preview_total_label, total_text);
  gtk_label_set_label (self->preview_result_label, passed ? _("Passed") : _("Not passed"));
  set_result_class (self, passed ? "success" : "error");
}

/* Accessible names that carry the level's name follow it as it is typed. */
static void
update_level_labels (AcrRubricEditor *self,
                     guint            index)
{
  AcrRubricLevel *level = level_at (self, index);
  LevelWidgets *widgets;
  g_autofree char *points_label = NULL;
  g_autofree char *remove_label = NULL;
  guint n = n_levels (self);

  if (index >= self->level_widgets->len)
    return;

  widgets = g_ptr_array_index (self->level_widgets, index);
  points_label = g_strdup_printf (_("Points for level “%s”"), level_display_name (level));
  remove_label = g_strdup_printf (_("Remove level “%s”"), level_display_name (level));
  set_label (widgets->spin, points_label);
  set_label (widgets->remove_button, remove_label);
  gtk_widget_set_tooltip_text (widgets->remove_button, remove_label);

  for (guint i = 0; i < self->criterion_widgets->len; i++)
    {
      g_autofree char *cell_label = NULL;
      guint cell = i * n + index;

      if (cell >= self->cells->len)
        break;
      /* Translators: the first is a number, the second the name of a performance level */
      cell_label = g_strdup_printf (_("Descriptor for criterion %u at level “%s”"),
                                    i + 1, level_display_name (level));
      set_label (g_ptr_array_index (self->cells, cell), cell_label);
    }
}

static void
update_outcomes_button (AcrRubricEditor    *self,
                        GtkWidget          *button,
                        AcrRubricCriterion *criterion)
{
  GArray *ids = acr_rubric_criterion_get_outcome_ids (criterion);
  g_autofree char *label = NULL;

  label = g_strdup_printf (ngettext ("%u Outcome", "%u Outcomes", ids->len), ids->len);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), label);
}

/* Changes */

static void
changed (AcrRubricEditor *self)
{
  schedule_save (self);
}

static void
on_level_name_changed_cb (GtkEditable *editable,
                          Ref         *ref)
{
  AcrRubricEditor *self = ref->self;

  if (self->building)
    return;

  acr_rubric_level_set_name (ref->level, gtk_editable_get_text (editable));
  update_level_labels (self, acr_rubric_level_get_position (ref->level) - 1);
  changed (self);
}

static void
on_level_points_changed_cb (GtkSpinButton *spin,
                            Ref           *ref)
{
  AcrRubricEditor *self = ref->self;

  if (self->building)
    return;

  acr_rubric_level_set_points (ref->level, gtk_spin_button_get_value (spin));
  update_max_total (self);
  update_preview (self);
  changed (self);
}

static void
on_criterion_description_changed_cb (GtkEditable *editable,
                                     Ref         *ref)
{
  AcrRubricEditor *self = ref->self;
  const char *text = gtk_editable_get_text (editable);
  guint index = acr_rubric_criterion_get_position (ref->criterion) - 1;

  if (self->building)
    return;

  acr_rubric_criterion_set_description (ref->criterion, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (editable), text);
  if (index < self->preview_rows->len)
    adw_preferences_row_set_title (g_ptr_array_index (self->preview_rows, index), text);
  changed (self);
}

static void
on_criterion_weight_changed_cb (GtkSpinButton *spin,
                                Ref           *ref)
{
  AcrRubricEditor *self = ref->self;

  if (self->building)
    return;

  acr_rubric_criterion_set_weight (ref->criterion, gtk_spin_button_get_value (spin));
  update_max_total (self);
  update_preview (self);
  changed (self);
}

static void
on_cell_changed_cb (GtkTextBuffer *buffer,
                    Ref           *ref)
{
  AcrRubricEditor *self = ref->self;
  g_autofree char *text = NULL;
  GtkTextIter start;
  GtkTextIter end;

  if (self->building)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  acr_rubric_set_cell (self->rubric, ref->criterion, ref->level, text);
  changed (self);
}

static void
on_outcome_toggled_cb (GtkCheckButton *check,
                       Ref            *ref)
{
  AcrRubricEditor *self = ref->self;
  guint index = acr_rubric_criterion_get_position (ref->criterion) - 1;

  if (self->building)
    return;

  if (gtk_check_button_get_active (check))
    acr_rubric_criterion_add_outcome_id (ref->criterion, ref->outcome_id);
  else
    acr_rubric_criterion_remove_outcome_id (ref->criterion, ref->outcome_id);

  if (index < self->criterion_widgets->len)
    {
      CriterionWidgets *widgets = g_ptr_array_index (self->criterion_widgets, index);

      update_outcomes_button (self, widgets->outcomes_button, ref->criterion);
    }
  changed (self);
}

static void
on_undo_clicked_cb (AdwToast *toast,
                    Undo     *undo)
{
  g_autoptr(AcrRubricEditor) self = g_weak_ref_get (&undo->editor);

  if (self == NULL || self->rubric != undo->rubric || self->frozen)
    return;

  if (undo->is_level)
    {
      AcrRubricLevel *level = acr_rubric_add_level (self->rubric, undo->name, undo->value);

      acr_rubric_move_level (self->rubric, level, undo->position);
      for (guint i = 0; i < undo->others->len; i++)
        if (model_contains (acr_rubric_get_criteria (self->rubric), undo->others->pdata[i]))
          acr_rubric_set_cell (self->rubric, undo->others->pdata[i], level,
                               undo->descriptors->pdata[i]);
    }
  else
    {
      AcrRubricCriterion *criterion = acr_rubric_add_criterion (self->rubric, undo->name,
                                                                undo->value);

      acr_rubric_move_criterion (self->rubric, criterion, undo->position);
      acr_rubric_criterion_set_outcome_ids (criterion, (const gint64 *) undo->outcome_ids->data,
                                            undo->outcome_ids->len);
      for (guint i = 0; i < undo->others->len; i++)
        if (model_contains (acr_rubric_get_levels (self->rubric), undo->others->pdata[i]))
          acr_rubric_set_cell (self->rubric, criterion, undo->others->pdata[i],
                               undo->descriptors->pdata[i]);
    }

  rebuild (self);
  changed (self);
}

static void
offer_undo (AcrRubricEditor *self,
            Undo            *undo,
            const char      *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_clicked_cb),
                         undo, undo_free, 0);
  adw_toast_overlay_add_toast (get_toast_overlay (self), toast);
}

static Undo *
undo_new (AcrRubricEditor *self,
          gboolean         is_level)
{
  Undo *undo = g_new0 (Undo, 1);

  g_weak_ref_init (&undo->editor, self);
  undo->rubric = g_object_ref (self->rubric);
  undo->is_level = is_level;
  undo->others = g_ptr_array_new_with_free_func (g_object_unref);
  undo->descriptors = g_ptr_array_new_with_free_func (g_free);

  return undo;
}

static void
on_remove_level_clicked_cb (GtkButton *button,
                            Ref       *ref)
{
  AcrRubricEditor *self = ref->self;
  g_autoptr(AcrRubricLevel) level = g_object_ref (ref->level);
  g_autofree char *title = NULL;
  Undo *undo;

  if (self->frozen || n_levels (self) <= 1)
    return;

  undo = undo_new (self, TRUE);
  undo->position = acr_rubric_level_get_position (level);
  undo->name = g_strdup (acr_rubric_level_get_name (level));
  undo->value = acr_rubric_level_get_points (level);
  for (guint i = 0; i < n_criteria (self); i++)
    {
      AcrRubricCriterion *criterion = criterion_at (self, i);
      const char *descriptor = acr_rubric_get_cell (self->rubric, criterion, level);

      if (descriptor != NULL && descriptor[0] != '\0')
        {
          g_ptr_array_add (undo->others, g_object_ref (criterion));
          g_ptr_array_add (undo->descriptors, g_strdup (descriptor));
        }
    }

  title = g_strdup_printf (_("Level “%s” removed"), level_display_name (level));
  acr_rubric_remove_level (self->rubric, level);
  rebuild (self);
  changed (self);
  gtk_widget_grab_focus (self->add_level_button);
  offer_undo (self, undo, title);
}

static void
on_remove_criterion_clicked_cb (GtkButton *button,
                                Ref       *ref)
{
  AcrRubricEditor *self = ref->self;
  g_autoptr(AcrRubricCriterion) criterion = g_object_ref (ref->criterion);
  g_autofree char *title = NULL;
  GArray *ids;
  Undo *undo;

  if (self->frozen || n_criteria (self) <= 1)
    return;

  undo = undo_new (self, FALSE);
  undo->position = acr_rubric_criterion_get_position (criterion);
  undo->name = g_strdup (acr_rubric_criterion_get_description (criterion));
  undo->value = acr_rubric_criterion_get_weight (criterion);
  ids = acr_rubric_criterion_get_outcome_ids (criterion);
  undo->outcome_ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), ids->len);
  g_array_append_vals (undo->outcome_ids, ids->data, ids->len);
  for (guint i = 0; i < n_levels (self); i++)
    {
      AcrRubricLevel *level = level_at (self, i);
      const char *descriptor = acr_rubric_get_cell (self->rubric, criterion, level);

      if (descriptor != NULL && descriptor[0] != '\0')
        {
          g_ptr_array_add (undo->others, g_object_ref (level));
          g_ptr_array_add (undo->descriptors, g_strdup (descriptor));
        }
    }

  title = g_strdup_printf (_("Criterion %u removed"), undo->position);
  acr_rubric_remove_criterion (self->rubric, criterion);
  rebuild (self);
  changed (self);
  gtk_widget_grab_focus (self->add_criterion_button);
  offer_undo (self, undo, title);
}

/* Building the grid */

static GtkWidget *
new_spin (double lower,
          double upper,
          double step,
          double value)
{
  GtkAdjustment *adjustment = gtk_adjustment_new (value, lower, upper, step, step * 10, 0);
  GtkWidget *spin = gtk_spin_button_new (adjustment, 1, 1);

  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  return spin;
}

static GtkWidget *
new_remove_button (void)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
add_level_header (AcrRubricEditor *self,
                  AcrRubricLevel  *level,
                  guint            index)
{
  LevelWidgets *widgets = g_new0 (LevelWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *points_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *points_label = gtk_label_new (_("Points"));
  g_autofree char *name_label = NULL;

  widgets->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (widgets->entry), level_display_name (level));
  gtk_editable_set_width_chars (GTK_EDITABLE (widgets->entry), 12);
  name_label = g_strdup_printf (_("Name of level %u"), index + 1);
  set_label (widgets->entry, name_label);
  connect_ref (widgets->entry, "changed", G_CALLBACK (on_level_name_changed_cb),
               self, NULL, level, 0);

  widgets->spin = new_spin (0, 10000, 1, acr_rubric_level_get_points (level));
  connect_ref (widgets->spin, "value-changed", G_CALLBACK (on_level_points_changed_cb),
               self, NULL, level, 0);

  widgets->remove_button = new_remove_button ();
  gtk_widget_set_hexpand (widgets->remove_button, TRUE);
  gtk_widget_set_halign (widgets->remove_button, GTK_ALIGN_END);
  connect_ref (widgets->remove_button, "clicked", G_CALLBACK (on_remove_level_clicked_cb),
               self, NULL, level, 0);

  gtk_widget_add_css_class (points_label, "dim-label");
  gtk_box_append (GTK_BOX (points_box), points_label);
  gtk_box_append (GTK_BOX (points_box), widgets->spin);
  gtk_box_append (GTK_BOX (points_box), widgets->remove_button);
  gtk_box_append (GTK_BOX (box), widgets->entry);
  gtk_box_append (GTK_BOX (box), points_box);
  gtk_widget_set_valign (box, GTK_ALIGN_END);

  gtk_grid_attach (self->grid, box, index + 1, 0, 1, 1);
  g_ptr_array_add (self->level_widgets, widgets);
}

static GtkWidget *
new_outcomes_button (AcrRubricEditor    *self,
                     AcrRubricCriterion *criterion,
                     guint               index)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GArray *ids = acr_rubric_criterion_get_outcome_ids (criterion);
  guint n = self->outcomes != NULL ? g_list_model_get_n_items (self->outcomes) : 0;
  g_autofree char *label = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("The module has no learning outcomes yet."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (GTK_BOX (box), empty);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (self->outcomes, i);
      gint64 outcome_id = acr_learning_outcome_get_id (outcome);
      const char *statement = acr_learning_outcome_get_statement (outcome);
      g_autofree char *text = NULL;
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *check_label;
      gboolean active = FALSE;

      for (guint j = 0; j < ids->len; j++)
        if (g_array_index (ids, gint64, j) == outcome_id)
          active = TRUE;

      /* Translators: a learning outcome's number and statement */
      text = g_strdup_printf (_("%u. %s"), i + 1, statement != NULL ? statement : "");
      check_label = gtk_label_new (text);
      gtk_label_set_wrap (GTK_LABEL (check_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (check_label), 50);
      gtk_label_set_xalign (GTK_LABEL (check_label), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), check_label);
      set_label (check, text);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      connect_ref (check, "toggled", G_CALLBACK (on_outcome_toggled_cb),
                   self, criterion, NULL, outcome_id);
      gtk_box_append (GTK_BOX (box), check);
    }

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  label = g_strdup_printf (_("Learning outcomes assessed by criterion %u"), index + 1);
  set_label (button, label);
  gtk_widget_set_tooltip_text (button, label);
  update_outcomes_button (self, button, criterion);

  return button;
}

static void
add_criterion_row (AcrRubricEditor    *self,
                   AcrRubricCriterion *criterion,
                   guint               index)
{
  CriterionWidgets *widgets = g_new0 (CriterionWidgets, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *weight_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *weight_label = gtk_label_new (_("Weight"));
  const char *description = acr_rubric_criterion_get_description (criterion);
  g_autofree char *label = NULL;
  guint n = n_levels (self);

  widgets->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (widgets->entry), description != NULL ? description : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (widgets->entry), 18);
  /* A long description does not fit: the tooltip shows it whole. */
  gtk_widget_set_tooltip_text (widgets->entry, description);
  label = g_strdup_printf (_("Description of criterion %u"), index + 1);
  set_label (widgets->entry, label);
  g_clear_pointer (&label, g_free);
  connect_ref (widgets->entry, "changed", G_CALLBACK (on_criterion_description_changed_cb),
               self, criterion, NULL, 0);

  widgets->spin = new_spin (0.1, 1000, 0.5, acr_rubric_criterion_get_weight (criterion));
  label = g_strdup_printf (_("Weight of criterion %u"), index + 1);
  set_label (widgets->spin, label);
  g_clear_pointer (&label, g_free);
  connect_ref (widgets->spin, "value-changed", G_CALLBACK (on_criterion_weight_changed_cb),
               self, criterion, NULL, 0);

  widgets->outcomes_button = new_outcomes_button (self, criterion, index);

  widgets->remove_button = new_remove_button ();
  label = g_strdup_printf (_("Remove criterion %u"), index + 1);
  set_label (widgets->remove_button, label);
  gtk_widget_set_tooltip_text (widgets->remove_button, label);
  g_clear_pointer (&label, g_free);
  connect_ref (widgets->remove_button, "clicked", G_CALLBACK (on_remove_criterion_clicked_cb),
               self, criterion, NULL, 0);

  gtk_widget_add_css_class (weight_label, "dim-label");
  gtk_box_append (GTK_BOX (weight_box), weight_label);
  gtk_box_append (GTK_BOX (weight_box), widgets->spin);
  gtk_box_append (GTK_BOX (weight_box), widgets->outcomes_button);
  gtk_box_append (GTK_BOX (weight_box), widgets->remove_button);
  gtk_box_append (GTK_BOX (box), widgets->entry);
  gtk_box_append (GTK_BOX (box), weight_box);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_grid_attach (self->grid, box, 0, index + 1, 1, 1);
  g_ptr_array_add (self->criterion_widgets, widgets);

  for (guint j = 0; j < n; j++)
    {
      AcrRubricLevel *level = level_at (self, j);
      const char *descriptor = acr_rubric_get_cell (self->rubric, criterion, level);
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      GtkTextView *text_view = GTK_TEXT_VIEW (view);
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);

      gtk_text_view_set_wrap_mode (text_view, GTK_WRAP_WORD_CHAR);
      /* Tab moves on to the next cell. */
      gtk_text_view_set_accepts_tab (text_view, FALSE);
      gtk_text_view_set_top_margin (text_view, 6);
      gtk_text_view_set_bottom_margin (text_view, 6);
      gtk_text_view_set_left_margin (text_view, 6);
      gtk_text_view_set_right_margin (text_view, 6);
      gtk_widget_set_size_request (view, 180, 72);
      gtk_text_buffer_set_text (buffer, descriptor != NULL ? descriptor : "", -1);
      connect_ref (buffer, "changed", G_CALLBACK (on_cell_changed_cb), self, criterion, level, 0);

      gtk_frame_set_child (GTK_FRAME (frame), view);
      gtk_grid_attach (self->grid, frame, j + 1, index + 1, 1, 1);
      g_ptr_array_add (self->cells, view);
    }
}

static void
on_preview_selected_cb (AcrRubricEditor *self)
{
  update_preview (self);
}

static void
add_preview_row (AcrRubricEditor    *self,
                 AcrRubricCriterion *criterion,
                 guint               index)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (level_item_ui, sizeof level_item_ui - 1);
  g_autoptr(GtkListItemFactory) factory = gtk_builder_list_item_factory_new_from_bytes (NULL,
                                                                                        bytes);
  GListModel *levels = acr_rubric_get_levels (self->rubric);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dropdown = gtk_drop_down_new (g_object_ref (levels), NULL);
  const char *description = acr_rubric_criterion_get_description (criterion);
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description != NULL ? description : "");

  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  label = g_strdup_printf (_("Level reached in criterion %u"), index + 1);
  set_label (dropdown, label);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_preview_selected_cb),
                           self, G_CONNECT_SWAPPED);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
  gtk_list_box_append (self->preview_list, row);
  g_ptr_array_add (self->preview_rows, row);
  g_ptr_array_add (self->preview_dropdowns, dropdown);
}

static void
clear_grid (AcrRubricEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_ptr_array_set_size (self->level_widgets, 0);
  g_ptr_array_set_size (self->criterion_widgets, 0);
  g_ptr_array_set_size (self->cells, 0);

  for (guint i = 0; i < self->preview_rows->len; i++)
    gtk_list_box_remove (self->preview_list, g_ptr_array_index (self->preview_rows, i));
  g_ptr_array_set_size (self->preview_rows, 0);
  g_ptr_array_set_size (self->preview_dropdowns, 0);
}

/* Shows the model: the empty state or the grid, the pass rule and the preview. Keeps the
 * levels picked in the preview where the criteria are still there. */
static void
rebuild (AcrRubricEditor *self)
{
  g_autoptr(GArray) picked = g_array_new (FALSE, TRUE, sizeof (guint));
  GtkWidget *corner;
  guint levels;
  guint criteria;

  for (guint i = 0; i < self->preview_dropdowns->len; i++)
    {
      guint selected = gtk_drop_down_get_selected (g_ptr_array_index (self->preview_dropdowns, i));

      g_array_append_val (picked, selected);
    }

  self->building = TRUE;
  clear_grid (self);

  gtk_widget_set_sensitive (self->content_box, !self->frozen);
  gtk_widget_set_visible (GTK_WIDGET (self->frozen_label), self->frozen);
  gtk_widget_set_sensitive (GTK_WIDGET (self->create_button), self->module_ok && !self->frozen);

  if (self->rubric == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      self->building = FALSE;
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "rubric");
  levels = n_levels (self);
  criteria = n_criteria (self);

  corner = gtk_label_new (_("Criterion"));
  gtk_label_set_xalign (GTK_LABEL (corner), 0);
  gtk_widget_set_valign (corner, GTK_ALIGN_END);
  gtk_widget_add_css_class (corner, "heading");
  gtk_grid_attach (self->grid, corner, 0, 0, 1, 1);

  for (guint j = 0; j < levels; j++)
    add_level_header (self, level_at (self, j), j);
  for (guint i = 0; i < criteria; i++)
    {
      add_criterion_row (self, criterion_at (self, i), i);
      add_preview_row (self, criterion_at (self, i), i);
      if (i < picked->len && g_array_index (picked, guint, i) < levels)
        gtk_drop_down_set_selected (g_ptr_array_index (self->preview_dropdowns, i),
                                    g_array_index (picked, guint, i));
    }
  for (guint j = 0; j < levels; j++)
    update_level_labels (self, j);

  /* The last row or column cannot go: a rubric needs one of each. */
  for (guint j = 0; j < self->level_widgets->len; j++)
    {
      LevelWidgets *widgets = g_ptr_array_index (self->level_widgets, j);

      gtk_widget_set_sensitive (widgets->remove_button, levels > 1);
    }
  for (guint i = 0; i < self->criterion_widgets->len; i++)
    {
      CriterionWidgets *widgets = g_ptr_array_index (self->criterion_widgets, i);

      gtk_widget_set_sensitive (widgets->remove_button, criteria > 1);
    }

  gtk_spin_button_set_value (self->min_total_spin, acr_rubric_get_pass_min_total (self->rubric));
  gtk_spin_button_set_value (self->min_points_spin,
                             acr_rubric_get_pass_min_points (self->rubric));

  self->building = FALSE;
  update_max_total (self);
  update_preview (self);
}

static void
reload_rubric (AcrRubricEditor *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  self->dirty = FALSE;
  g_clear_object (&self->rubric);

  if (self->store != NULL && self->module_ok)
    {
      self->rubric = acr_rubric_load_for_module (self->store, self->module_id, &error);
      if (self->rubric == NULL
          && !g_error_matches (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
        show_error (self, error);
    }

  rebuild (self);
}

static void
load_module (AcrRubricEditor *self)
{
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GError) error = NULL;

  hide_error (self);
  self->frozen = FALSE;
  self->module_ok = FALSE;
  g_clear_pointer (&self->module_title, g_free);
  g_clear_object (&self->outcomes);

  if (self->store != NULL && self->module_id > 0)
    {
      module = acr_module_load (self->store, self->module_id, &error);
      if (module == NULL)
        show_error (self, error);
    }

  if (module != NULL)
    {
      self->module_ok = TRUE;
      self->module_title = g_strdup (acr_module_get_title (module));
      self->frozen = acr_module_is_frozen (module);
      self->outcomes = acr_module_list_outcomes (self->store, self->module_id, &error);
      if (self->outcomes == NULL)
        {
          show_error (self, error);
          self->outcomes = G_LIST_MODEL (g_list_store_new (ACR_TYPE_LEARNING_OUTCOME));
        }
    }

  if (self->frozen && acr_module_get_status (module) == ACR_STATUS_RETIRED)
    {
      gtk_label_set_label (self->frozen_label,
                           _("This version of the module is retired, so its rubric can no "
                             "longer change."));
      adw_status_page_set_description (self->empty_page,
                                       _("This version of the module is retired and has no "
                                         "rubric."));
    }
  else if (self->frozen)
    {
      gtk_label_set_label (self->frozen_label,
                           _("This version of the module is approved, so its rubric can no "
                             "longer change. Make a new version of the module to change it."));
      adw_status_page_set_description (self->empty_page,
                                       _("This version of the module is approved and has no "
                                         "rubric. Make a new version of the module to add one."));
    }
  else
    {
      adw_status_page_set_description (self->empty_page,
                                       _("A rubric says how learners are assessed: criteria, "
                                         "performance levels with points, and what it takes "
                                         "to pass."));
    }

  reload_rubric (self);
}

static void
focus_grid_entry (AcrRubricEditor *self,
                  GtkWidget       *entry)
{
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

/* Callbacks */

static void
on_create_clicked_cb (AcrRubricEditor *self)
{
  g_autoptr(AcrRubric) rubric = acr_rubric_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  if (!self->module_ok || self->frozen)
    return;

  acr_rubric_set_module_id (rubric, self->module_id);
  acr_rubric_set_title (rubric, self->module_title);
  acr_rubric_add_level (rubric, _("Not achieved"), 0);
  acr_rubric_add_level (rubric, _("Achieved"), 2);
  acr_rubric_add_level (rubric, _("Exceeded"), 3);
  description = g_strdup_printf (_("Criterion %u"), 1);
  acr_rubric_add_criterion (rubric, description, 1);
  /* Every criterion achieved. */
  acr_rubric_set_pass_min_points (rubric, 2);

  if (!acr_rubric_save (rubric, self->store, &error))
    {
      show_error (self, error);
      toast_error (self, error);
      return;
    }

  hide_error (self);
  g_signal_emit (self, signals [SAVED], 0);
  reload_rubric (self);
  if (self->criterion_widgets->len > 0)
    focus_grid_entry (self, ((CriterionWidgets *) self->criterion_widgets->pdata[0])->entry);
}

static void
on_add_level_clicked_cb (AcrRubricEditor *self)
{
  g_autofree char *name = NULL;
  double points = 0;
  guint n;

  if (self->rubric == NULL || self->frozen)
    return;

  n = n_levels (self);
  for (guint i = 0; i < n; i++)
    points = MAX (points, acr_rubric_level_get_points (level_at (self, i)) + 1);

  /* A name no other level has. */
  for (guint number = n + 1; name == NULL; number++)
    {
      name = g_strdup_printf (_("Level %u"), number);
      if (acr_rubric_find_level_by_name (self->rubric, name) != NULL)
        g_clear_pointer (&name, g_free);
    }

  acr_rubric_add_level (self->rubric, name, points);
  rebuild (self);
  changed (self);
  focus_grid_entry (self, ((LevelWidgets *) self->level_widgets->pdata[n])->entry);
}

static void
on_add_criterion_clicked_cb (AcrRubricEditor *self)
{
  g_autofree char *description = NULL;
  guint n;

  if (self->rubric == NULL || self->frozen)
    return;

  n = n_criteria (self);
  description = g_strdup_printf (_("Criterion %u"), n + 1);
  acr_rubric_add_criterion (self->rubric, description, 1);
  rebuild (self);
  changed (self);
  focus_grid_entry (self, ((CriterionWidgets *) self->criterion_widgets->pdata[n])->entry);
}

static void
on_min_total_changed_cb (AcrRubricEditor *self)
{
  if (self->building || self->rubric == NULL)
    return;

  acr_rubric_set_pass_min_total (self->rubric, gtk_spin_button_get_value (self->min_total_spin));
  update_preview (self);
  changed (self);
}

static void
on_min_points_changed_cb (AcrRubricEditor *self)
{
  if (self->building || self->rubric == NULL)
    return;

  acr_rubric_set_pass_min_points (self->rubric,
                                  gtk_spin_button_get_value (self->min_points_spin));
  update_preview (self);
  changed (self);
}

static void
on_focus_leave_cb (AcrRubricEditor *self)
{
  if (self->save_source != 0)
    save_pending (self, NULL);
}

/* Vfuncs */

static void
acr_rubric_editor_constructed (GObject *object)
{
  AcrRubricEditor *self = ACR_RUBRIC_EDITOR (object);

  G_OBJECT_CLASS (acr_rubric_editor_parent_class)->constructed (object);

  load_module (self);
}

static void
acr_rubric_editor_dispose (GObject *object)
{
  AcrRubricEditor *self = ACR_RUBRIC_EDITOR (object);

  /* What is pending is saved; an invalid edit is dropped, as there is nobody left to tell. */
  if (self->save_source != 0 && self->dirty && self->rubric != NULL && !self->frozen)
    {
      g_autoptr(GError) error = NULL;

      if (!acr_rubric_save (self->rubric, self->store, &error))
        g_debug ("Unsaved rubric changes dropped: %s", error->message);
    }
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->building = TRUE;

  /* The bin lets go of its child first: disposing the template would unparent it behind
   * the bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_RUBRIC_EDITOR);

  g_clear_object (&self->rubric);
  g_clear_object (&self->outcomes);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (acr_rubric_editor_parent_class)->dispose (object);
}

static void
acr_rubric_editor_finalize (GObject *object)
{
  AcrRubricEditor *self = ACR_RUBRIC_EDITOR (object);

  g_free (self->module_title);
  g_ptr_array_unref (self->level_widgets);
  g_ptr_array_unref (self->criterion_widgets);
  g_ptr_array_unref (self->cells);
  g_ptr_array_unref (self->preview_rows);
  g_ptr_array_unref (self->preview_dropdowns);

  G_OBJECT_CLASS (acr_rubric_editor_parent_class)->finalize (object);
}

static void
acr_rubric_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AcrRubricEditor *self = ACR_RUBRIC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MODULE_ID:
      g_value_set_int64 (value, self->module_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AcrRubricEditor *self = ACR_RUBRIC_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MODULE_ID:
      /* Until constructed, the value is only kept: constructed() loads. */
      if (self->store == NULL)
        self->module_id = g_value_get_int64 (value);
      else
        acr_rubric_editor_set_module_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_rubric_editor_class_init (AcrRubricEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = acr_rubric_editor_constructed;
  object_class->dispose = acr_rubric_editor_dispose;
  object_class->finalize = acr_rubric_editor_finalize;
  object_class->get_property = acr_rubric_editor_get_property;
  object_class->set_property = acr_rubric_editor_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         ACR_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_MODULE_ID] =
    g_param_spec_int64 ("module-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted after the rubric was written to the store. */
  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* The preview's level pickers name the type in their item template. */
  g_type_ensure (ACR_TYPE_RUBRIC_LEVEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-rubric-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, empty_page);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, create_button);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, frozen_label);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, content_box);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, grid);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, add_criterion_button);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, add_level_button);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, min_total_row);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, min_total_spin);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, min_points_spin);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, preview_list);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, preview_total_label);
  gtk_widget_class_bind_template_child (widget_class, AcrRubricEditor, preview_result_label);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_level_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_criterion_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_min_total_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_min_points_changed_cb);

  gtk_widget_class_set_css_name (widget_class, "rubric-editor");
}

static void
acr_rubric_editor_init (AcrRubricEditor *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->level_widgets = g_ptr_array_new_with_free_func (g_free);
  self->criterion_widgets = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_ptr_array_new ();
  self->preview_rows = g_ptr_array_new ();
  self->preview_dropdowns = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/* Public API */

GtkWidget *
acr_rubric_editor_new (AcrStore *store,
                       gint64    module_id)
{
  g_return_val_if_fail (ACR_IS_STORE (store), NULL);
  g_return_val_if_fail (module_id >= 0, NULL);

  return g_object_new (ACR_TYPE_RUBRIC_EDITOR,
                       "store", store,
                       "module-id", module_id,
                       NULL);
}

AcrStore *
acr_rubric_editor_get_store (AcrRubricEditor *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_EDITOR (self), NULL);

  return self->store;
}

gint64
acr_rubric_editor_get_module_id (AcrRubricEditor *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_EDITOR (self), 0);

  return self->module_id;
}

void
acr_rubric_editor_set_module_id (AcrRubricEditor *self,
                                 gint64           module_id)
{
  g_return_if_fail (ACR_IS_RUBRIC_EDITOR (self));
  g_return_if_fail (module_id >= 0);

  if (self->module_id == module_id)
    return;

  save_pending (self, NULL);
  self->module_id = module_id;
  load_module (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODULE_ID]);
}

AcrRubric *
acr_rubric_editor_get_rubric (AcrRubricEditor *self)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_EDITOR (self), NULL);

  return self->rubric;
}

gboolean
acr_rubric_editor_save_now (AcrRubricEditor  *self,
                            GError          **error)
{
  g_return_val_if_fail (ACR_IS_RUBRIC_EDITOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return save_pending (self, error);
}

void
acr_rubric_editor_reload (AcrRubricEditor *self)
{
  g_return_if_fail (ACR_IS_RUBRIC_EDITOR (self));

  hide_error (self);
  reload_rubric (self);
}
