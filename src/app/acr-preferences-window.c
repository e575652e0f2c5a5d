/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrPreferencesWindow: the preferences: the database file for the next start (a database
 * is never swapped under an open window, so a change applies when Accredit starts again,
 * and a toast says so) and the name recorded as actor, an entry bound to its setting. */

#define G_LOG_DOMAIN "acr-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "acr-core.h"
#include "acr-preferences-window.h"

struct _AcrPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AcrSettings          *settings;
  char                 *database_in_use;
  GtkFileChooserNative *chooser;

  AdwActionRow         *in_use_row;
  AdwActionRow         *next_start_row;
  GtkWidget            *use_default_button;
  AdwPreferencesGroup  *actor_group;
  AdwEntryRow          *actor_row;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE_IN_USE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AcrPreferencesWindow, acr_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
update_database_rows (AcrPreferencesWindow *self)
{
  g_autofree char *configured = acr_settings_dup_database_path (self->settings);
  g_autofree char *next = NULL;
  gboolean is_default = configured == NULL;

  if (!is_default)
    {
      next = g_steal_pointer (&configured);
    }
  else
    {
      g_autofree char *default_path = acr_store_get_default_path ();

      /* Translators: the default database file, e.g. "The default, ~/.local/share/…" */
      next = g_strdup_printf (_("The default, %s"), default_path);
    }

  adw_action_row_set_subtitle (self->in_use_row,
                               self->database_in_use ? self->database_in_use : _("None"));
  adw_action_row_set_subtitle (self->next_start_row, next);
  gtk_widget_set_visible (self->use_default_button, !is_default);
}

static void
set_next_database (AcrPreferencesWindow *self,
                   const char           *path)
{
  g_autofree char *before = acr_settings_dup_database_path (self->settings);

  if (g_strcmp0 (before, path) == 0)
    return;

  acr_settings_set_database_path (self->settings, path);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Accredit opens this database from its "
                                                     "next start.")));
}

static void
on_chooser_response_cb (AcrPreferencesWindow *self,
                        int                   response,
                        GtkNativeDialog      *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        set_next_database (self, path);
    }

  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
}

static void
change_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AcrPreferencesWindow *self = ACR_PREFERENCES_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  gtk_file_filter_set_name (filter, _("Accredit Databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_filter_add_suffix (filter, "sqlite");

  /* Save mode, so that a new file can be named too: Accredit creates it at the next start. */
  self->chooser = gtk_file_chooser_native_new (_("Choose a Database"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), "accredit.db");
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
use_default_database_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  set_next_database (ACR_PREFERENCES_WINDOW (widget), NULL);
}

static void
on_database_path_changed_cb (AcrPreferencesWindow *self,
                             const char           *key,
                             GSettings            *settings)
{
  update_database_rows (self);
}

static void
acr_preferences_window_constructed (GObject *object)
{
  AcrPreferencesWindow *self = ACR_PREFERENCES_WINDOW (object);
  g_autofree char *fallback = NULL;
  g_autofree char *description = NULL;
  const char *real_name = g_get_real_name ();

  G_OBJECT_CLASS (acr_preferences_window_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = acr_settings_new ();

  g_signal_connect_object (self->settings, "changed::" ACR_SETTINGS_DATABASE_PATH,
                           G_CALLBACK (on_database_path_changed_cb), self, G_CONNECT_SWAPPED);
  update_database_rows (self);

  g_settings_bind (G_SETTINGS (self->settings), ACR_SETTINGS_ACTOR_NAME,
                   self->actor_row, "text", G_SETTINGS_BIND_DEFAULT);

  fallback = g_strdup (real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0
                       ? real_name : g_get_user_name ());
  description = g_strdup_printf (_("Recorded as the editor, reviewer or issuer of your "
                                   "changes. When empty, the account’s name “%s” is used."),
                                 fallback);
  adw_preferences_group_set_description (self->actor_group, description);
}

static void
acr_preferences_window_dispose (GObject *object)
{
  AcrPreferencesWindow *self = ACR_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), ACR_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (acr_preferences_window_parent_class)->dispose (object);
}

static void
acr_preferences_window_finalize (GObject *object)
{
  AcrPreferencesWindow *self = ACR_PREFERENCES_WINDOW (object);

  g_free (self->database_in_use);

  G_OBJECT_CLASS (acr_preferences_window_parent_class)->finalize (object);
}

static void
acr_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AcrPreferencesWindow *self = ACR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DATABASE_IN_USE:
      g_value_set_string (value, self->database_in_use);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AcrPreferencesWindow *self = ACR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DATABASE_IN_USE:
      self->database_in_use = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
acr_preferences_window_class_init (AcrPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = acr_preferences_window_constructed;
  object_class->dispose = acr_preferences_window_dispose;
  object_class->finalize = acr_preferences_window_finalize;
  object_class->get_property = acr_preferences_window_get_property;
  object_class->set_property = acr_preferences_window_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         ACR_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties [PROP_DATABASE_IN_USE] =
    g_param_spec_string ("database-in-use", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AcrPreferencesWindow, in_use_row);
  gtk_widget_class_bind_template_child (widget_class, AcrPreferencesWindow, next_start_row);
  gtk_widget_class_bind_template_child (widget_class, AcrPreferencesWindow, use_default_button);
  gtk_widget_class_bind_template_child (widget_class, AcrPreferencesWindow, actor_group);
  gtk_widget_class_bind_template_child (widget_class, AcrPreferencesWindow, actor_row);

  gtk_widget_class_install_action (widget_class, "preferences.change-database", NULL,
                                   change_database_action);
  gtk_widget_class_install_action (widget_class, "preferences.use-default-database", NULL,
                                   use_default_database_action);
}

static void
acr_preferences_window_init (AcrPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AcrPreferencesWindow *
acr_preferences_window_new (GtkWindow   *parent,
                            AcrSettings *settings,
                            const char  *database_in_use)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (ACR_IS_SETTINGS (settings), NULL);

  return g_object_new (ACR_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "settings", settings,
                       "database-in-use", database_in_use,
                       NULL);
}
