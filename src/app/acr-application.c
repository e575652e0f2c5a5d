/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrApplication: starts Accredit on one database and keeps it open while it runs.
 *
 * The database is the one given with --db PATH (or as a file argument), else the one of the
 * settings, else the default in the user's data folder. A database this start created is
 * seeded with the demo data. A database that cannot be opened is never a silent failure: a
 * dialog gives the reason and offers another file or quitting. The application holds the
 * store; windows hold a reference of their own. The actor recorded in the store follows the
 * "actor-name" setting. */

#define G_LOG_DOMAIN "acr-application"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-application.h"
#include "acr-preferences-window.h"
#include "acr-seed.h"
#include "acr-window.h"

struct _AcrApplication
{
  AdwApplication  parent_instance;

  AcrSettings    *settings;
  AcrStore       *store;
  /* From --db, for the activation of this (the primary) instance. */
  char           *pending_path;
};

/* What the open-error dialog and its file chooser need to know. */
typedef struct
{
  AcrApplication *self;
  /* TRUE when the failed database came from the settings: a replacement is remembered. */
  gboolean        from_settings;
} OpenErrorData;

G_DEFINE_FINAL_TYPE (AcrApplication, acr_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Work on the database at PATH instead of the configured one"), N_("PATH") },
  { NULL }
};

static gboolean open_database (AcrApplication *self,
                               const char     *path,
                               gboolean        from_settings);

static void
open_error_data_free (gpointer  data,
                      GClosure *closure)
{
  OpenErrorData *error_data = data;

  g_clear_object (&error_data->self);
  g_free (error_data);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        OpenErrorData   *data)
{
  AcrApplication *self = data->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && open_database (self, path, data->from_settings)
          && data->from_settings)
        acr_settings_set_database_path (self->settings, path);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
choose_database (AcrApplication *self,
                 gboolean        from_settings)
{
  g_autoptr(GtkFileFilter) db_filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all_filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  OpenErrorData *data;

  gtk_file_filter_set_name (db_filter, _("Accredit Databases"));
  gtk_file_filter_add_suffix (db_filter, "db");
  gtk_file_filter_add_suffix (db_filter, "sqlite");
  gtk_file_filter_set_name (all_filter, _("All Files"));
  gtk_file_filter_add_pattern (all_filter, "*");

  chooser = gtk_file_chooser_native_new (_("Choose a Database"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), db_filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all_filter);

  data = g_new0 (OpenErrorData, 1);
  data->self = g_object_ref (self);
  data->from_settings = from_settings;
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response_cb),
                         data, open_error_data_free, 0);

  /* No window may be left while the chooser is up; keep running until it answers. */
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           OpenErrorData    *data)
{
  if (g_strcmp0 (response, "choose") == 0)
    choose_database (data->self, data->from_settings);
  else if (g_strcmp0 (response, "quit") == 0)
    g_application_quit (G_APPLICATION (data->self));
}

static void
show_open_error (AcrApplication *self,
                 const char     *path,
                 const GError   *error,
                 gboolean        from_settings)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *heading = NULL;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  OpenErrorData *data;
  GtkWidget *dialog;

  heading = g_strdup_printf (_("Cannot Open “%s”"), basename);
  dialog = adw_message_dialog_new (parent, heading, NULL);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);

  if (self->store == NULL)
    {
      /* Nothing is open yet: without another database there is nothing to do. */
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "quit", _("_Quit"),
                                        "choose", _("_Choose Another Database…"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
    }
  else
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
    }

  data = g_new0 (OpenErrorData, 1);
  data->self = g_object_ref (self);
  data->from_settings = from_settings;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_error_response_cb),
                         data, open_error_data_free, 0);

  /* The dialog may be the only window: it keeps the application running. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
open_database (AcrApplication *self,
               const char     *path,
               gboolean        from_settings)
{
  g_autoptr(AcrStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) seed_error = NULL;
  g_autofree char *actor = NULL;
  AcrWindow *window;

  store = acr_store_open (path, &error);
  if (store == NULL)
    {
      g_debug ("Cannot open %s: %s", path, error->message);
      show_open_error (self, path, error, from_settings);
      return FALSE;
    }

  actor = acr_settings_dup_actor (self->settings);
  acr_store_set_actor (store, actor);

  /* A failed seeding leaves an empty but usable database: say so, and go on. */
  if (acr_store_get_created (store) && !acr_seed_demo (store, &seed_error))
    g_assert (seed_error != NULL);

  g_set_object (&self->store, store);

  window = acr_window_new (GTK_APPLICATION (self), store);
  if (seed_error != NULL)
    acr_window_show_error (window, seed_error);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

/* Opens @path, or shows the window already open on it. NULL: the configured database. */
static void
open_or_present (AcrApplication *self,
                 const char     *path)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GFile) requested = NULL;
  g_autoptr(GFile) current = NULL;

  if (self->store == NULL)
    {
      acr_application_open_database (self, path);
      return;
    }

  if (!ACR_IS_WINDOW (window))
    window = GTK_WINDOW (acr_window_new (GTK_APPLICATION (self), self->store));
  gtk_window_present (window);

  if (path == NULL)
    return;

  requested = g_file_new_for_path (path);
  current = g_file_new_for_path (acr_store_get_path (self->store));
  if (!g_file_equal (requested, current))
    {
      g_autofree char *message = NULL;

      message = g_strdup_printf (_("Accredit is already working on “%s”. Quit it to open “%s”."),
                                 acr_store_get_path (self->store), path);
      acr_window_show_toast (ACR_WINDOW (window), message);
    }
}

static void
on_actor_name_changed_cb (AcrApplication *self,
                          const char     *key,
                          GSettings      *settings)
{
  g_autofree char *actor = NULL;

  if (self->store == NULL)
    return;

  actor = acr_settings_dup_actor (self->settings);
  acr_store_set_actor (self->store, actor);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  AcrApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Closing lets each window save its size and place. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  AcrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Accredit developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Accredit"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Design, review, issue and verify micro-credentials."),
                        "developer-name", _("The Accredit developers"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", _("© 2026 The Accredit developers"),
                        "website", "https://github.com/accredit/accredit",
                        "issue-url", "https://github.com/accredit/accredit/issues",
                        /* Translators: your names, one per line, to be credited */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  AcrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AcrPreferencesWindow *preferences;

  preferences = acr_preferences_window_new (parent, self->settings,
                                            self->store ? acr_store_get_path (self->store)
                                                        : NULL);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
shortcuts_activated (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  AcrApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/accredit/Accredit/acr-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, parent);
  gtk_window_present (shortcuts);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
  { "shortcuts", shortcuts_activated },
};

static int
acr_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  AcrApplication *self = ACR_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_variant_dict_lookup (options, "db", "^ay", &path))
    return -1;

  file = g_file_new_for_commandline_arg (path);

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* A running Accredit is asked to open the file; otherwise this one activates with it. */
  if (g_application_get_is_remote (app))
    {
      g_application_open (app, &file, 1, "");
      return 0;
    }

  g_free (self->pending_path);
  self->pending_path = g_file_get_path (file);
  return -1;
}

static void
acr_application_startup (GApplication *app)
{
  AcrApplication *self = ACR_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (acr_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.shortcuts",
                                         shortcuts_accels);
}

static void
acr_application_activate (GApplication *app)
{
  AcrApplication *self = ACR_APPLICATION (app);
  g_autofree char *path = g_steal_pointer (&self->pending_path);

  open_or_present (self, path);
}

static void
acr_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  AcrApplication *self = ACR_APPLICATION (app);
  g_autofree char *path = NULL;

  /* One database at a time: the first file wins. */
  if (n_files > 0)
    path = g_file_get_path (files[0]);

  if (path == NULL)
    {
      g_printerr (_("Accredit can only open local database files.\n"));
      open_or_present (self, NULL);
      return;
    }

  open_or_present (self, path);
}

static void
acr_application_dispose (GObject *object)
{
  AcrApplication *self = ACR_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_path, g_free);

  G_OBJECT_CLASS (acr_application_parent_class)->dispose (object);
}

static void
acr_application_class_init (AcrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = acr_application_dispose;

  app_class->handle_local_options = acr_application_handle_local_options;
  app_class->startup = acr_application_startup;
  app_class->activate = acr_application_activate;
  app_class->open = acr_application_open;
}

static void
acr_application_init (AcrApplication *self)
{
  self->settings = acr_settings_new ();
  g_signal_connect_object (self->settings, "changed::" ACR_SETTINGS_ACTOR_NAME,
                           G_CALLBACK (on_actor_name_changed_cb), self, G_CONNECT_SWAPPED);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

AcrApplication *
acr_application_new (void)
{
  return g_object_new (ACR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

AcrStore *
acr_application_get_store (AcrApplication *self)
{
  g_return_val_if_fail (ACR_IS_APPLICATION (self), NULL);

  return self->store;
}

AcrSettings *
acr_application_get_settings (AcrApplication *self)
{
  g_return_val_if_fail (ACR_IS_APPLICATION (self), NULL);

  return self->settings;
}

gboolean
acr_application_open_database (AcrApplication *self,
                               const char     *path)
{
  g_autofree char *configured = NULL;

  g_return_val_if_fail (ACR_IS_APPLICATION (self), FALSE);

  if (path != NULL)
    return open_database (self, path, FALSE);

  configured = acr_settings_dup_database_path (self->settings);
  if (configured == NULL)
    configured = acr_store_get_default_path ();

  return open_database (self, configured, TRUE);
}
