/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_MODULES_PAGE (acr_modules_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrModulesPage, acr_modules_page, ACR, MODULES_PAGE, AcrListPage)

G_END_DECLS
