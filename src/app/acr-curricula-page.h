/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_CURRICULA_PAGE (acr_curricula_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrCurriculaPage, acr_curricula_page, ACR, CURRICULA_PAGE, AcrListPage)

G_END_DECLS
