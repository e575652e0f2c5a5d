/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrSettings: the application's GSettings, with typed accessors for the keys whose empty
 * value means "the default". This is the only place that names the schema; everything else
 * in the application gets its settings from acr_settings_new () and binds keys with
 * g_settings_bind () on the result. */

#define G_LOG_DOMAIN "acr-settings"

#include "config.h"

#include "acr-settings.h"

struct _AcrSettings
{
  GSettings parent_instance;
};

G_DEFINE_FINAL_TYPE (AcrSettings, acr_settings, G_TYPE_SETTINGS)

static void
acr_settings_class_init (AcrSettingsClass *klass)
{
}

static void
acr_settings_init (AcrSettings *self)
{
}

AcrSettings *
acr_settings_new (void)
{
  return g_object_new (ACR_TYPE_SETTINGS, "schema-id", APP_ID, NULL);
}

char *
acr_settings_dup_database_path (AcrSettings *self)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (ACR_IS_SETTINGS (self), NULL);

  path = g_settings_get_string (G_SETTINGS (self), ACR_SETTINGS_DATABASE_PATH);
  if (path[0] == '\0')
    return NULL;

  return g_steal_pointer (&path);
}

void
acr_settings_set_database_path (AcrSettings *self,
                                const char  *path)
{
  g_return_if_fail (ACR_IS_SETTINGS (self));

  g_settings_set_string (G_SETTINGS (self), ACR_SETTINGS_DATABASE_PATH, path ? path : "");
}

char *
acr_settings_dup_actor (AcrSettings *self)
{
  g_autofree char *name = NULL;
  const char *real_name;

  g_return_val_if_fail (ACR_IS_SETTINGS (self), NULL);

  name = g_settings_get_string (G_SETTINGS (self), ACR_SETTINGS_ACTOR_NAME);
  g_strstrip (name);
  if (name[0] != '\0')
    return g_steal_pointer (&name);

  /* GLib answers "Unknown" when the account has no full name. */
  real_name = g_get_real_name ();
  if (real_name != NULL && real_name[0] != '\0' && g_strcmp0 (real_name, "Unknown") != 0)
    return g_strdup (real_name);

  return g_strdup (g_get_user_name ());
}

char *
acr_settings_dup_last_place (AcrSettings *self)
{
  g_return_val_if_fail (ACR_IS_SETTINGS (self), NULL);

  return g_settings_get_string (G_SETTINGS (self), ACR_SETTINGS_LAST_PLACE);
}

void
acr_settings_set_last_place (AcrSettings *self,
                             const char  *place)
{
  g_return_if_fail (ACR_IS_SETTINGS (self));
  g_return_if_fail (place != NULL);

  g_settings_set_string (G_SETTINGS (self), ACR_SETTINGS_LAST_PLACE, place);
}
