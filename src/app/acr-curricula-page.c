/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculaPage: the Curricula place of the window: every curriculum of the store,
 * searchable by code and title, read lazily through acr_curriculum_list (). Searching and
 * the empty states are AcrListPage's. Activating a curriculum opens it in the curriculum
 * editor, shown in place of the list until the editor closes; "New Curriculum" creates a draft
 * with a free code ("NEW-CURRICULUM-1"…), awarded by the only organisation if there is exactly
 * one, and opens it.
 *
 * A row's menu deletes its curriculum with an Undo toast, as the modules page deletes
 * modules: the deletion is tried and rolled back at once (a refusal shows right away), the
 * row is hidden (a filter over the lazy model while deletions are pending), and the real
 * deletion happens when the toast goes away without Undo, or when the page goes away. */

#define G_LOG_DOMAIN "acr-curricula-page"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-curriculum.h"
#include "acr-curriculum-editor.h"
#include "acr-curriculum-row.h"
#include "acr-curricula-page.h"
#include "acr-window.h"

struct _AcrCurriculaPage
{
  AcrListPage  parent_instance;

  GtkWidget   *editor;
  /* gint64 ids of curricula hidden while their Undo toast shows. */
  GArray      *pending_deletes;
};

/* What a toast of a deletion needs; freed with the toast's handlers. */
typedef struct
{
  GWeakRef page;
  gint64   curriculum_id;
} PendingDelete;

G_DEFINE_FINAL_TYPE (AcrCurriculaPage, acr_curricula_page, ACR_TYPE_LIST_PAGE)

static void
pending_delete_free (gpointer  data,
                     GClosure *closure)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->page);
  g_free (pending);
}

static void
show_error (AcrCurriculaPage *self,
            const GError     *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ACR_IS_WINDOW (root))
    acr_window_show_error (ACR_WINDOW (root), error);
  else
    g_message ("%s", error->message);
}

/* Takes @curriculum_id out of the pending deletions; FALSE when it was not there. */
static gboolean
take_pending_delete (AcrCurriculaPage *self,
                     gint64            curriculum_id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == curriculum_id)
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
  AcrCurriculaPage *self = user_data;
  gint64 curriculum_id = acr_curriculum_get_id (ACR_CURRICULUM (item));

  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == curriculum_id)
      return FALSE;

  return TRUE;
}

static void
on_undo_delete_clicked_cb (AdwToast      *toast,
                           PendingDelete *pending)
{
  g_autoptr(AcrCurriculaPage) self = g_weak_ref_get (&pending->page);

  if (self != NULL && take_pending_delete (self, pending->curriculum_id))
    acr_list_page_reload (ACR_LIST_PAGE (self));
}

static void
on_delete_toast_dismissed_cb (AdwToast      *toast,
                              PendingDelete *pending)
{
  g_autoptr(AcrCurriculaPage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) error = NULL;
  AcrStore *store;

  /* Undone, or already deleted as the page went away. */
  if (self == NULL || !take_pending_delete (self, pending->curriculum_id))
    return;

  store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  if (store != NULL && !acr_curriculum_delete (store, pending->curriculum_id, &error))
    show_error (self, error);
  acr_list_page_reload (ACR_LIST_PAGE (self));
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!acr_curricula_page_delete_curriculum (ACR_CURRICULA_PAGE (widget),
                                             g_variant_get_int64 (param), NULL, &error))
    show_error (ACR_CURRICULA_PAGE (widget), error);
}

static void
on_editor_close_cb (AcrCurriculaPage    *self,
                    AcrCurriculumEditor *editor)
{
  acr_list_page_show_detail (ACR_LIST_PAGE (self), NULL);
  /* Codes and titles may have changed. */
  acr_list_page_reload (ACR_LIST_PAGE (self));
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
on_store_changed_cb (AcrCurriculaPage *self,
                     GParamSpec       *pspec,
                     gpointer          user_data)
{
  /* The editor works on one store. */
  if (self->editor != NULL
      && acr_curriculum_editor_get_store (ACR_CURRICULUM_EDITOR (self->editor))
         != acr_list_page_get_store (ACR_LIST_PAGE (self)))
    {
      acr_list_page_show_detail (ACR_LIST_PAGE (self), NULL);
      gtk_stack_remove (GTK_STACK (gtk_widget_get_parent (self->editor)), self->editor);
      self->editor = NULL;
    }
}

static void
open_curriculum (AcrCurriculaPage *self,
                 gint64            curriculum_id)
{
  AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (self->editor == NULL)
    {
      self->editor = acr_curriculum_editor_new (store);
      g_signal_connect_object (self->editor, "close", G_CALLBACK (on_editor_close_cb), self,
                               G_CONNECT_SWAPPED);
    }

  if (!acr_curriculum_editor_load (ACR_CURRICULUM_EDITOR (self->editor), curriculum_id, &error))
    {
      show_error (self, error);
      return;
    }

  acr_list_page_show_detail (ACR_LIST_PAGE (self), self->editor);
  /* Keyboard users start at the top of the editor. */
  gtk_widget_grab_focus (self->editor);
}

static void
on_new_curriculum_cb (AcrCurriculaPage *self,
                      GtkButton        *button)
{
  AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autoptr(AcrPagedList) organisations = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  if (store == NULL)
    return;

  /* The first free code of the series NEW-CURRICULUM-1, NEW-CURRICULUM-2… */
  for (guint n = 1; code == NULL; n++)
    {
      g_autoptr(AcrCurriculum) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *candidate = g_strdup_printf ("NEW-CURRICULUM-%u", n);

      existing = acr_curriculum_load_by_code (store, candidate, 0, &local_error);
      if (existing == NULL)
        {
          if (!g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
            {
              show_error (self, local_error);
              return;
            }
          code = g_steal_pointer (&candidate);
        }
    }

  curriculum = acr_curriculum_new ();
  acr_curriculum_set_code (curriculum, code);
  acr_curriculum_set_title (curriculum, _("Untitled Curriculum"));

  /* With a single organisation (the demo's chamber), it is the awarding body. */
  organisations = acr_organisation_list (store, NULL);
  if (g_list_model_get_n_items (G_LIST_MODEL (organisations)) == 1)
    {
      g_autoptr(AcrOrganisation) organisation =
        g_list_model_get_item (G_LIST_MODEL (organisations), 0);

      acr_curriculum_set_organisation_id (curriculum, acr_organisation_get_id (organisation));
    }

  if (!acr_curriculum_save (curriculum, store, &error))
    {
      show_error (self, error);
      return;
    }

  acr_list_page_reload (ACR_LIST_PAGE (self));
  open_curriculum (self, acr_curriculum_get_id (curriculum));
}

static GListModel *
acr_curricula_page_create_model (AcrListPage *page,
                                 AcrStore    *store,
                                 const char  *search)
{
  AcrCurriculaPage *self = ACR_CURRICULA_PAGE (page);
  GListModel *model = G_LIST_MODEL (acr_curriculum_list (store, search));

  if (self->pending_deletes->len == 0)
    return model;

  return G_LIST_MODEL (gtk_filter_list_model_new (model,
                                                  GTK_FILTER (gtk_custom_filter_new (
                                                    is_not_pending_delete_cb, self, NULL))));
}

static void
acr_curricula_page_item_activated (AcrListPage *page,
                                   gpointer     item)
{
  open_curriculum (ACR_CURRICULA_PAGE (page), acr_curriculum_get_id (ACR_CURRICULUM (item)));
}

static void
acr_curricula_page_dispose (GObject *object)
{
  AcrCurriculaPage *self = ACR_CURRICULA_PAGE (object);

  /* The list page's stack owns the editor. */
  self->editor = NULL;

  /* Deletions not undone happen now, toasts or not. */
  while (self->pending_deletes->len > 0)
    {
      AcrStore *store = acr_list_page_get_store (ACR_LIST_PAGE (self));
      gint64 curriculum_id = g_array_index (self->pending_deletes, gint64, 0);
      g_autoptr(GError) error = NULL;

      g_array_remove_index (self->pending_deletes, 0);
      if (store != NULL && !acr_curriculum_delete (store, curriculum_id, &error))
        g_message ("%s", error->message);
    }

  G_OBJECT_CLASS (acr_curricula_page_parent_class)->dispose (object);
}

static void
acr_curricula_page_finalize (GObject *object)
{
  AcrCurriculaPage *self = ACR_CURRICULA_PAGE (object);

  g_array_unref (self->pending_deletes);

  G_OBJECT_CLASS (acr_curricula_page_parent_class)->finalize (object);
}

static void
acr_curricula_page_class_init (AcrCurriculaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  object_class->dispose = acr_curricula_page_dispose;
  object_class->finalize = acr_curricula_page_finalize;

  list_page_class->create_model = acr_curricula_page_create_model;
  list_page_class->item_activated = acr_curricula_page_item_activated;
  list_page_class->row_type = ACR_TYPE_CURRICULUM_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-curricula-page.ui");

  /* Activated by the rows' menus with the curriculum's id. */
  gtk_widget_class_install_action (widget_class, "curricula.delete", "x", delete_action_cb);
}

static void
acr_curricula_page_init (AcrCurriculaPage *self)
{
  GtkWidget *button;

  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "list-add-symbolic",
                                      "label", _("_New Curriculum"),
                                      "use-underline", TRUE,
                                      NULL));
  gtk_widget_set_tooltip_text (button, _("Create a draft curriculum and open it"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_new_curriculum_cb), self,
                           G_CONNECT_SWAPPED);
  acr_list_page_add_header_widget (ACR_LIST_PAGE (self), button);

  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_changed_cb), NULL);
}

gboolean
acr_curricula_page_delete_curriculum (AcrCurriculaPage  *self,
                                      gint64             curriculum_id,
                                      AdwToast         **out_toast,
                                      GError           **error)
{
  AcrStore *store;
  GtkRoot *root;
  g_autoptr(AcrCurriculum) curriculum = NULL;
  g_autofree char *message = NULL;
  g_autofree char *escaped = NULL;
  PendingDelete *pending;
  AdwToast *toast;
  const char *title;
  gboolean allowed;

  g_return_val_if_fail (ACR_IS_CURRICULA_PAGE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  g_return_val_if_fail (store != NULL, FALSE);

  if (out_toast != NULL)
    *out_toast = NULL;

  curriculum = acr_curriculum_load (store, curriculum_id, error);
  if (curriculum == NULL)
    return FALSE;

  /* Try the deletion and take it back, so a refusal shows now rather than after the
   * toast. */
  if (!acr_store_begin (store, error))
    return FALSE;
  allowed = acr_curriculum_delete (store, curriculum_id, error);
  acr_store_rollback (store);
  if (!allowed)
    return FALSE;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!ACR_IS_WINDOW (root))
    {
      /* No window to offer Undo in. */
      if (!acr_curriculum_delete (store, curriculum_id, error))
        return FALSE;
      acr_list_page_reload (ACR_LIST_PAGE (self));
      return TRUE;
    }

  g_array_append_val (self->pending_deletes, curriculum_id);
  acr_list_page_reload (ACR_LIST_PAGE (self));

  title = acr_curriculum_get_title (curriculum);
  if (title == NULL || title[0] == '\0')
    title = acr_curriculum_get_code (curriculum);
  /* Translators: a toast after deleting a curriculum, with an Undo button */
  message = g_strdup_printf (_("Curriculum “%s” deleted"), title);
  escaped = g_markup_escape_text (message, -1);

  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Undo"));
  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->page, self);
  pending->curriculum_id = curriculum_id;
  g_signal_connect (toast, "button-clicked", G_CALLBACK (on_undo_delete_clicked_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (on_delete_toast_dismissed_cb),
                         pending, pending_delete_free, 0);
  acr_window_add_toast (ACR_WINDOW (root), toast);

  if (out_toast != NULL)
    *out_toast = toast;

  return TRUE;
}
