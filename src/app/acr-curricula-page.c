/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculaPage: the Curricula place of the window: every curriculum of the store,
 * searchable by code and title, read lazily through acr_curriculum_list (). Searching and
 * the empty states are AcrListPage's. Activating a curriculum opens it in the curriculum
 * editor, shown in place of the list until the editor closes; "New Curriculum" creates a draft
 * with a free code ("NEW-CURRICULUM-1"…), awarded by the only organisation if there is exactly
 * one, and opens it. */

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
};

G_DEFINE_FINAL_TYPE (AcrCurriculaPage, acr_curricula_page, ACR_TYPE_LIST_PAGE)

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
  return G_LIST_MODEL (acr_curriculum_list (store, search));
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

  G_OBJECT_CLASS (acr_curricula_page_parent_class)->dispose (object);
}

static void
acr_curricula_page_class_init (AcrCurriculaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  object_class->dispose = acr_curricula_page_dispose;

  list_page_class->create_model = acr_curricula_page_create_model;
  list_page_class->item_activated = acr_curricula_page_item_activated;
  list_page_class->row_type = ACR_TYPE_CURRICULUM_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-curricula-page.ui");
}

static void
acr_curricula_page_init (AcrCurriculaPage *self)
{
  GtkWidget *button;

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
