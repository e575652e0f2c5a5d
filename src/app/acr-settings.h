/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The keys of the application's schema (data/io.github.accredit.Accredit.gschema.xml). */
#define ACR_SETTINGS_DATABASE_PATH    "database-path"
#define ACR_SETTINGS_ACTOR_NAME       "actor-name"
#define ACR_SETTINGS_WINDOW_WIDTH     "window-width"
#define ACR_SETTINGS_WINDOW_HEIGHT    "window-height"
#define ACR_SETTINGS_WINDOW_MAXIMIZED "window-maximized"
#define ACR_SETTINGS_LAST_PLACE       "last-place"

#define ACR_TYPE_SETTINGS (acr_settings_get_type ())

G_DECLARE_FINAL_TYPE (AcrSettings, acr_settings, ACR, SETTINGS, GSettings)

/* The application's settings; every GSettings of Accredit is made here. Instances share
 * the backend, so a change through one is seen by all. */
AcrSettings *acr_settings_new                 (void);

/* The database chosen in the preferences, or NULL for the default. Free with g_free(). */
char        *acr_settings_dup_database_path   (AcrSettings *self);
/* Sets the database for the next start; NULL or "" means the default. */
void         acr_settings_set_database_path   (AcrSettings *self,
                                               const char  *path);
/* The name recorded as actor: the setting, else the account's full name, else the login
 * name. Free with g_free(). */
char        *acr_settings_dup_actor           (AcrSettings *self);
/* The sidebar place shown when the window opens ("modules"). Free with g_free(). */
char        *acr_settings_dup_last_place      (AcrSettings *self);
void         acr_settings_set_last_place      (AcrSettings *self,
                                               const char  *place);

G_END_DECLS
