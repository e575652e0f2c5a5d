/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrModulesPage: the Modules place of the window: every module version of the store,
 * searchable by code and title, read lazily through acr_module_list (). Searching and the
 * empty states are AcrListPage's. Activating a module opens it in the module editor, shown
 * in place of the list until the editor closes; "New Module" creates a draft with a free
 * code ("NEW-1", "NEW-2"…) and opens it. */

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
};

G_DEFINE_FINAL_TYPE (AcrModulesPage, acr_modules_page, ACR_TYPE_LIST_PAGE)

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
  for (guint n = 1; code == NULL; n++)
    {
      g_autoptr(AcrModule) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *candidate = g_strdup_printf ("NEW-%u", n);

      existing = acr_module_load_by_code (store, candidate, 0, &local_error);
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

static GListModel *
acr_modules_page_create_model (AcrListPage *page,
                               AcrStore    *store,
                               const char  *search)
{
  return G_LIST_MODEL (acr_module_list (store, search));
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

  G_OBJECT_CLASS (acr_modules_page_parent_class)->dispose (object);
}

static void
acr_modules_page_class_init (AcrModulesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  object_class->dispose = acr_modules_page_dispose;

  list_page_class->create_model = acr_modules_page_create_model;
  list_page_class->item_activated = acr_modules_page_item_activated;
  list_page_class->row_type = ACR_TYPE_MODULE_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-modules-page.ui");
}

static void
acr_modules_page_init (AcrModulesPage *self)
{
  GtkWidget *button;

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
