/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORKS_PAGE (acr_frameworks_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrFrameworksPage, acr_frameworks_page, ACR, FRAMEWORKS_PAGE, AcrListPage)

/* Imports the framework or curriculum document @file into the page's store, telling the
 * user the result: a toast and a reloaded list on success, a dialog with the error's
 * sentence (file, line, element) on failure, the database then unchanged. Returns whether
 * the import succeeded. */
gboolean acr_frameworks_page_import_file (AcrFrameworksPage *self,
                                          GFile             *file);

G_END_DECLS
