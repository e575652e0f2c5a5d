/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-settings.h"

G_BEGIN_DECLS

#define ACR_TYPE_PREFERENCES_WINDOW (acr_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AcrPreferencesWindow, acr_preferences_window, ACR, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Preferences over @parent (may be NULL); @database_in_use is the path of the open database,
 * or NULL when none is open. */
AcrPreferencesWindow *acr_preferences_window_new (GtkWindow   *parent,
                                                  AcrSettings *settings,
                                                  const char  *database_in_use);

G_END_DECLS
