/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-core.h"
#include "acr-settings.h"

G_BEGIN_DECLS

#define ACR_TYPE_APPLICATION (acr_application_get_type ())

G_DECLARE_FINAL_TYPE (AcrApplication, acr_application, ACR, APPLICATION, AdwApplication)

AcrApplication *acr_application_new             (void);
/* The open database, or NULL before one is open. */
AcrStore       *acr_application_get_store       (AcrApplication *self);
AcrSettings    *acr_application_get_settings    (AcrApplication *self);
/* Opens the database at @path (NULL: the one of the settings, else the default), seeds it
 * when it was just created, and shows a window on it. When it cannot be opened, shows a
 * dialog with the reason that offers to choose another database, and returns FALSE. */
gboolean        acr_application_open_database   (AcrApplication *self,
                                                 const char     *path);

G_END_DECLS
