/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrFrameworksPage: the Frameworks place of the window: every qualification framework of
 * the store, searchable by code, title and country, read lazily through
 * acr_framework_list (). Searching and the empty states are AcrListPage's. Activating a
 * framework shows it, with its levels and descriptors, in an AcrFrameworkView in place of
 * the list. "Import…" reads a framework or curriculum document chosen by the user; the kind
 * is told by the root element's namespace, and the import itself (one transaction, the
 * database unchanged on failure) is the core's. The import runs on the UI thread, as the
 * store is not shared between threads; documents are small, a busy cursor covers it. */

#define G_LOG_DOMAIN "acr-frameworks-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "acr-framework.h"
#include "acr-framework-row.h"
#include "acr-framework-view.h"
#include "acr-frameworks-page.h"
#include "acr-window.h"

struct _AcrFrameworksPage
{
  AcrListPage           parent_instance;

  GtkWidget            *view;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (AcrFrameworksPage, acr_frameworks_page, ACR_TYPE_LIST_PAGE)

static const char *
ui_language (void)
{
  return g_str_has_prefix (g_get_language_names ()[0], "de") ? "de" : "en";
}

static void
show_toast (AcrFrameworksPage *self,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ACR_IS_WINDOW (root))
    acr_window_show_toast (ACR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static void
show_import_error (AcrFrameworksPage *self,
                   const GError      *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Import Failed"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* TRUE when @path is a curriculum exchange document, judged by its root's namespace; FALSE
 * for anything else, which the framework import then judges (and refuses with a reason). */
static gboolean
is_curriculum_document (const char  *path,
                        GError     **error)
{
  g_autoptr(xmlDoc) doc = acr_xml_parse_file_untrusted (path, error);
  xmlNode *root;

  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  return root != NULL && root->ns != NULL
         && g_strcmp0 ((const char *) root->ns->href, ACR_CURRICULUM_XML_NS) == 0;
}

static gboolean
import_path (AcrFrameworksPage  *self,
             AcrStore           *store,
             const char         *path,
             char              **message,
             GError            **error)
{
  GError *local_error = NULL;

  if (is_curriculum_document (path, &local_error))
    {
      g_autoptr(AcrCurriculum) curriculum = NULL;
      gint64 id = acr_curriculum_import_file (store, path, error);

      if (id == 0)
        return FALSE;
      curriculum = acr_curriculum_load (store, id, NULL);
      *message = g_strdup_printf (_("Imported the curriculum “%s”"),
                                  curriculum != NULL ? acr_curriculum_get_title (curriculum)
                                                     : "");
      return TRUE;
    }
  else if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  else
    {
      g_autoptr(AcrFramework) framework = acr_framework_import_file (store, path, error);
      const char *title;

      if (framework == NULL)
        return FALSE;
      if (g_str_equal (ui_language (), "de"))
        title = acr_framework_get_title_de (framework);
      else
        title = acr_framework_get_title_en (framework);
      if (title == NULL || title[0] == '\0')
        title = acr_framework_get_code (framework);
      *message = g_strdup_printf (_("Imported the framework “%s”"), title);
      return TRUE;
    }
}

static void
on_view_close_cb (AcrFrameworksPage *self,
                  AcrFrameworkView  *view)
{
  acr_list_page_show_detail (ACR_LIST_PAGE (self), NULL);
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
on_store_changed_cb (AcrFrameworksPage *self,
                     GParamSpec        *pspec,
                     gpointer           user_data)
{
  /* The framework shown belongs to the former store. */
  if (self->view != NULL && acr_list_page_get_detail (ACR_LIST_PAGE (self)) == self->view)
    acr_list_page_show_detail (ACR_LIST_PAGE (self), NULL);
}

typedef struct
{
  AcrFrameworksPage *self;
  GFile             *file;
} ImportData;

static gboolean
import_idle_cb (gpointer user_data)
{
  ImportData *data = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (data->self));

  acr_frameworks_page_import_file (data->self, data->file);
  if (root != NULL)
    gtk_widget_set_cursor (GTK_WIDGET (root), NULL);

  g_object_unref (data->self);
  g_object_unref (data->file);
  g_free (data);
  return G_SOURCE_REMOVE;
}

static void
on_chooser_response_cb (AcrFrameworksPage    *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ImportData *data;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  /* Let the busy cursor show before the import holds the UI thread. */
  if (root != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (root), "wait");
  data = g_new0 (ImportData, 1);
  data->self = g_object_ref (self);
  data->file = g_steal_pointer (&file);
  g_timeout_add (50, import_idle_cb, data);
}

static void
on_import_clicked_cb (AcrFrameworksPage *self,
                      GtkButton         *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser =
    gtk_file_chooser_native_new (_("Import a Framework or Curriculum"),
                                 GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("XML documents"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static GListModel *
acr_frameworks_page_create_model (AcrListPage *page,
                                  AcrStore    *store,
                                  const char  *search)
{
  return G_LIST_MODEL (acr_framework_list (store, search));
}

static void
acr_frameworks_page_item_activated (AcrListPage *page,
                                    gpointer     item)
{
  AcrFrameworksPage *self = ACR_FRAMEWORKS_PAGE (page);

  if (self->view == NULL)
    {
      self->view = acr_framework_view_new ();
      g_signal_connect_object (self->view, "close", G_CALLBACK (on_view_close_cb), self,
                               G_CONNECT_SWAPPED);
    }

  acr_framework_view_set_framework (ACR_FRAMEWORK_VIEW (self->view), ACR_FRAMEWORK (item));
  acr_list_page_show_detail (page, self->view);
  /* Keyboard users start at the top of the view. */
  gtk_widget_grab_focus (self->view);
}

static void
acr_frameworks_page_dispose (GObject *object)
{
  AcrFrameworksPage *self = ACR_FRAMEWORKS_PAGE (object);

  /* The list page's stack owns the view. */
  self->view = NULL;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (acr_frameworks_page_parent_class)->dispose (object);
}

static void
acr_frameworks_page_class_init (AcrFrameworksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  object_class->dispose = acr_frameworks_page_dispose;

  list_page_class->create_model = acr_frameworks_page_create_model;
  list_page_class->item_activated = acr_frameworks_page_item_activated;
  list_page_class->row_type = ACR_TYPE_FRAMEWORK_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-frameworks-page.ui");
}

static void
acr_frameworks_page_init (AcrFrameworksPage *self)
{
  GtkWidget *button;

  gtk_widget_init_template (GTK_WIDGET (self));

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT,
                                      "icon-name", "document-open-symbolic",
                                      "label", _("_Import…"),
                                      "use-underline", TRUE,
                                      NULL));
  gtk_widget_set_tooltip_text (button, _("Import a framework or curriculum from an XML file"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  acr_list_page_add_header_widget (ACR_LIST_PAGE (self), button);

  g_signal_connect (self, "notify::store", G_CALLBACK (on_store_changed_cb), NULL);
}

gboolean
acr_frameworks_page_import_file (AcrFrameworksPage *self,
                                 GFile             *file)
{
  AcrStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (ACR_IS_FRAMEWORKS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  store = acr_list_page_get_store (ACR_LIST_PAGE (self));
  if (store == NULL)
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("“%s” is not a local file. Copy it to this computer and import the copy."),
                   uri);
    }

  if (error == NULL && import_path (self, store, path, &message, &error))
    {
      acr_list_page_reload (ACR_LIST_PAGE (self));
      show_toast (self, message);
      return TRUE;
    }

  show_import_error (self, error);
  return FALSE;
}
