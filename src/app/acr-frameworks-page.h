/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_FRAMEWORKS_PAGE (acr_frameworks_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrFrameworksPage, acr_frameworks_page, ACR, FRAMEWORKS_PAGE, AcrListPage)

G_END_DECLS
