/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrModulesPage: the Modules place of the window: every module version of the store,
 * searchable by code and title, read lazily through acr_module_list (). Searching and the
 * empty states are AcrListPage's. Activating a module opens it in the module editor, shown
 * in place of the list until the editor closes; "New Module" creates a draft with a free
 * code ("NEW-1", "NEW-2"…) and opens it.
 *
 * Each row's menu duplicates a module (a new draft "<CODE>-COPY" with its outcomes, levels
 * and rubric, made in one transaction) or deletes it with an Undo toast. The deletion is
 * tried and rolled back at once, so a refusal shows as an error right away; then the module
 * is only hidden from the list, and deleted for real when its toast goes away without Undo
 * (or when the page goes away). While deletions are pending the lazy model is wrapped in a
 * filter, which reads every row: acceptable for the few seconds a toast shows. */

#define G_LOG_DOMAIN "acr-modules-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-module.h"
#include "acr-module-editor.h"
#include "acr-module-row.h"
#include "acr-modules-page.h"
#include "acr-window.h"

struct _AcrModulesPage
{
  AcrListPage  parent_instance;

  GtkWidget   *editor;
  /* gint64 ids of modules hidden while their Undo toast shows. */
  GArray      *pending_deletes;
};

/* What a toast of a deletion needs; freed with the toast's handlers. */
typedef struct
{
  GWeakRef page;
  gint64   module_id;
} PendingDelete;

G_DEFINE_FINAL_TYPE (AcrModulesPage, acr_modules_page, ACR_TYPE_LIST_PAGE)

static void
pending_delete_free (gpointer  data,
                     GClosure *closure)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->page);
  g_free (pending);
}

static void
show_error (AcrModulesPage *self,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ACR_IS_WINDOW (root))
    acr_window_show_error (ACR_WINDOW (root), error);
  else
    g_message ("%s", error->message);
}

/* The first code of the series @base-1, @base-2… that no module version uses; with
 * @plain_first, @base itself comes first and the series continues @base-2, @base-3… */
static char *
find_free_code (AcrStore    *store,
                const char  *base,
                gboolean     plain_first,
                GError     **error)
{
  for (guint n = 1; ; n++)
    {
      g_autoptr(AcrModule) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *candidate = NULL;

      if (plain_first && n == 1)
        candidate = g_strdup (base);
      else
        candidate = g_strdup_printf ("%s-%u", base, n);

      existing = acr_module_load_by_code (store, candidate, 0, &local_error);
      if (existing != NULL)
        continue;
      if (!g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      return g_steal_pointer (&candidate);
    }
}

/* A new module with every writable field of @source but its code, version and status. */
static AcrModule *
copy_module_fields (AcrModule *source)
{
  g_autoptr(AcrModule) copy = acr_module_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (source), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      const char *name = pspecs[i]->name;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE
          || g_str_equal (name, "code")
          || g_str_equal (name, "version")
          || g_str_equal (name, "status"))
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (source), name, &value);
      g_object_set_property (G_OBJECT (copy), name, &value);
    }

  return g_steal_pointer (&copy);
}

/* Takes @module_id out of the pending deletions; FALSE when it was not there. */
static gboolean
take_pending_delete (AcrModulesPage *self,
                     gint64          module_id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == module_id)
      {
        g_array_remove_index (self->pending_deletes, i);
        return TRUE;
      }

  return FALSE;
}

static gboolean
is_not_pending_delete_cb (gpointer item,
                          gpointer user_data)
{
  AcrModulesPage *self = user_data;
  gint64 module_id = acr_module_get_id (ACR_MODULE (item));

  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == module_id)
      return FALSE;

  return TRUE;
}

/* Deletes a module whose toast went away without Undo. */
static void
finish_delete (AcrModulesPage *self,
               gint64          module_id)
{
  AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store != NULL && !acr_module_delete (store, module_id, &error))
    show_error (self, error);
  acr_list_page_reload (ACR_LIST_PAGE (self));
}

static void
on_undo_delete_clicked_cb (AdwToast      *toast,
                           PendingDelete *pending)
{
  g_autoptr(AcrModulesPage) self = g_weak_ref_get (&pending->page);

  if (self != NULL && take_pending_delete (self, pending->module_id))
    acr_list_page_reload (ACR_LIST_PAGE (self));
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast,
                              PendingDelete *pending)
{
  g_autoptr(AcrModulesPage) self = g_weak_ref_get (&pending->page);

  /* Undone, or already deleted as the page went away. */
  if (self == NULL || !take_pending_delete (self, pending->module_id))
    return;

  finish_delete (self, pending->module_id);
}

static void
on_editor_close_cb (AcrModulesPage  *self,
                    AcrModuleEditor *editor)
{
  acr_list_page_show_detail (ACR_LIST_PAGE (self), NULL);
  /* Titles, versions and statuses may have changed. */
  acr_list_page_reload (ACR_LIST_PAGE (self));
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
drop_editor (AcrModulesPage *self)
{
  if (self->editor == NULL)
    return;

  acr_list_page_show_detail (ACR_LIST_PAGE (self), NULL);
  gtk_stack_remove (GTK_STACK (gtk_widget_get_parent (self->editor)), self->editor);
  self->editor = NULL;
}

static void
on_store_changed_cb (AcrModulesPage *self,
                     GParamSpec     *pspec,
                     gpointer        user_data)
{
  /* The editor works on one store. */
  if (self->editor != NULL
      && acr_module_editor_get_store (ACR_MODULE_EDITOR (self->editor))
         != acr_list_page_get_store (ACR_LIST_PAGE (self)))
    drop_editor (self);
}

static void
open_module (AcrModulesPage *self,
             gint64          module_id)
{
  AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (self->editor == NULL)
    {
      self->editor = acr_module_editor_new (store);
      g_signal_connect_object (self->editor, "close", G_CALLBACK (on_editor_close_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (!acr_module_editor_load (ACR_MODULE_EDITOR (self->editor), module_id, &error))
    {
      show_error (self, error);
      return;
    }

  acr_list_page_show_detail (ACR_LIST_PAGE (self), self->editor);
  /* Keyboard users start at the top of the editor. */
  gtk_widget_grab_focus (self->editor);
}

static void
on_new_module_cb (AcrModulesPage *self,
                  GtkButton      *button)
{
  AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_autoptr(AcrModule) module = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (store == NULL)
    return;

  /* The first free code of the series NEW-1, NEW-2… */
  code = find_free_code (store, "NEW", FALSE, &error);
  if (code == NULL)
    {
      show_error (self, error);
      return;
    }

  module = acr_module_new ();
  acr_module_set_code (module, code);
  if (!acr_module_save (module, store, &error))
    {
      show_error (self, error);
      return;
    }

  acr_list_page_reload (ACR_LIST_PAGE (self));
  open_module (self, acr_module_get_id (module));
  if (self->editor != NULL)
    acr_module_editor_focus_property (ACR_MODULE_EDITOR (self->editor), "title");
}

static void
duplicate_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (acr_modules_page_duplicate_module (ACR_MODULES_PAGE (widget),
                                         g_variant_get_int64 (param), &error) == 0)
    show_error (ACR_MODULES_PAGE (widget), error);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!acr_modules_page_delete_module (ACR_MODULES_PAGE (widget),
                                       g_variant_get_int64 (param), NULL, &error))
    show_error (ACR_MODULES_PAGE (widget), error);
}

static GListModel *
acr_modules_page_create_model (AcrListPage *page,
                               AcrStore    *store,
                               const char  *search)
{
  AcrModulesPage *self = ACR_MODULES_PAGE (page);
  GListModel *model = G_LIST_MODEL (acr_module_list (store, search));

  if (self->pending_deletes->len == 0)
    return model;

  return G_LIST_MODEL (gtk_filter_list_model_new (model,
                                                  GTK_FILTER (gtk_custom_filter_new (
                                                    is_not_pending_delete_cb, self, NULL))));
}

static void
acr_modules_page_item_activated (AcrListPage *page,
                                 gpointer     item)
{
  open_module (ACR_MODULES_PAGE (page), acr_module_get_id (ACR_MODULE (item)));
}

static void
acr_modules_page_dispose (GObject *object)
{
  AcrModulesPage *self = ACR_MODULES_PAGE (object);

  /* The list page's stack owns the editor. */
  self->editor = NULL;

  /* Deletions not undone happen now, toasts or not. */
  while (self->pending_deletes->len > 0)
    {
      AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
      gint64 module_id = g_array_index (self->pending_deletes, gint64, 0);
      g_autoptr(GError) error = NULL;

      g_array_remove_index (self->pending_deletes, 0);
      if (store != NULL && !acr_module_delete (store, module_id, &error))
        g_message ("%s", error->message);
    }

  G_OBJECT_CLASS (acr_modules_page_parent_class)->dispose (object);
}

static void
acr_modules_page_finalize (GObject *object)
{
  AcrModulesPage *self = ACR_MODULES_PAGE (object);

  g_array_unref (self->pending_deletes);

  G_OBJECT_CLASS (acr_modules_page_parent_class)->finalize (object);
}

static void
acr_modules_page_class_init (AcrModulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  object_class->dispose = acr_modules_page_dispose;
  object_class->finalize = acr_modules_page_finalize;

  list_page_class->create_model = acr_modules_page_create_model;
  list_page_class->item_activated = acr_modules_page_item_activated;
  list_page_class->row_type = ACR_TYPE_MODULE_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-modules-page.ui");

  /* Activated by the rows' menus with the module's id. */
  gtk_widget_class_install_action (widget_class, "modules.duplicate", "x", duplicate_action_cb);
  gtk_widget_class_install_action (widget_class, "modules.delete", "x", delete_action_cb);
}

static void
acr_modules_page_init (AcrModulesPage *self)
{
  GtkWidget *button;

  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "list-add-symbolic",
                                      "label", _("_New Module"),
                                      "use-underline", TRUE,
                                      NULL));
  gtk_widget_set_tooltip_text (button, _("Create a draft module and open it"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_new_module_cb), self,
                           G_CONNECT_SWAPPED);
  acr_list_page_add_header_widget (ACR_LIST_PAGE (self), button);

  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_changed_cb), NULL);
}

gint64
acr_modules_page_duplicate_module (AcrModulesPage  *self,
                                   gint64           module_id,
                                   GError         **error)
{
  AcrStore *store;
  g_autoptr(AcrModule) source = NULL;
  g_autoptr(AcrModule) copy = NULL;
  g_autoptr(GListModel) outcomes = NULL;
  g_autoptr(GListModel) levels = NULL;
  g_autofree char *base = NULL;
  g_autofree char *code = NULL;
  gint64 copy_id;

  g_return_val_if_fail (ACR_IS_MODULES_PAGE (self), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_return_val_if_fail (store != NULL, 0);

  if (!acr_store_begin (store, error))
    return 0;

  source = acr_module_load (store, module_id, error);
  if (source == NULL)
    goto fail;

  base = g_strdup_printf ("%s-COPY", acr_module_get_code (source));
  code = find_free_code (store, base, TRUE, error);
  if (code == NULL)
    goto fail;

  copy = copy_module_fields (source);
  acr_module_set_code (copy, code);
  if (!acr_module_save (copy, store, error))
    goto fail;
  copy_id = acr_module_get_id (copy);

  outcomes = acr_module_list_outcomes (store, module_id, error);
  if (outcomes == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (outcomes); i++)
    {
      g_autoptr(AcrLearningOutcome) outcome = g_list_model_get_item (outcomes, i);
      g_autoptr(AcrLearningOutcome) outcome_copy = acr_learning_outcome_new ();

      acr_learning_outcome_set_module_id (outcome_copy, copy_id);
      acr_learning_outcome_set_position (outcome_copy,
                                         acr_learning_outcome_get_position (outcome));
      acr_learning_outcome_set_statement (outcome_copy,
                                          acr_learning_outcome_get_statement (outcome));
      acr_learning_outcome_set_statement_en (outcome_copy,
                                             acr_learning_outcome_get_statement_en (outcome));
      acr_learning_outcome_set_kind (outcome_copy, acr_learning_outcome_get_kind (outcome));
      acr_learning_outcome_set_esco_uri (outcome_copy,
                                         acr_learning_outcome_get_esco_uri (outcome));
      if (!acr_learning_outcome_save (outcome_copy, store, error))
        goto fail;
    }

  levels = acr_module_list_levels (store, module_id, error);
  if (levels == NULL)
    goto fail;
  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrLevelAssignment) level = g_list_model_get_item (levels, i);

      if (!acr_module_assign_level (store, copy_id,
                                    acr_level_assignment_get_framework_code (level),
                                    acr_level_assignment_get_level (level),
                                    acr_level_assignment_get_rationale (level),
                                    error))
        goto fail;
    }

  /* The rubric's criteria keep assessing the outcomes at the same positions. */
  if (!acr_rubric_copy_to_module (store, module_id, copy_id, error))
    goto fail;

  if (!acr_store_commit (store, error))
    return 0;

  acr_list_page_reload (ACR_LIST_PAGE (self));
  open_module (self, copy_id);
  return copy_id;

fail:
  acr_store_rollback (store);
  return 0;
}

gboolean
acr_modules_page_delete_module (AcrModulesPage  *self,
                                gint64           module_id,
                                AdwToast       **out_toast,
                                GError         **error)
{
  AcrStore *store;
  GtkRoot *root;
  g_autoptr(AcrModule) module = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  PendingDelete *pending;
  AdwToast *toast;
  const char *title;
  gboolean allowed;

  g_return_val_if_fail (ACR_IS_MODULES_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_return_val_if_fail (store != NULL, FALSE);

  if (out_toast != NULL)
    *out_toast = NULL;

  module = acr_module_load (store, module_id, error);
  if (module == NULL)
    return FALSE;

  /* Try the deletion and take it back, so a refusal shows now rather than after the
   * toast. */
  if (!acr_store_begin (store, error))
    return FALSE;
  allowed = acr_module_delete (store, module_id, error);
  acr_store_rollback (store);
  if (!allowed)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!ACR_IS_WINDOW (root))
    {
      /* No window to offer Undo in. */
      if (!acr_module_delete (store, module_id, error))
        return FALSE;
      acr_list_page_reload (ACR_LIST_PAGE (self));
      return TRUE;
    }

  g_array_append_val (self->pending_deletes, module_id);
  acr_list_page_reload (ACR_LIST_PAGE (self));

  title = acr_module_get_title (module);
  if (title == NULL || title[0] == '\0')
    title = acr_module_get_code (module);
  /* Translators: a toast after deleting a module, with an Undo button */
  message = g_strdup_printf (_("Module “%s” deleted"), title);
  escaped = g_markup_escape_text (message, -1);

  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->page, self);
  pending->module_id = module_id;
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb),
                         pending, pending_delete_free, 0);
  acr_window_add_toast (ACR_WINDOW (root), toast);

  if (out_toast != NULL)
    *out_toast = toast;

  return TRUE;
}
