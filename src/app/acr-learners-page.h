/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_LEARNERS_PAGE (acr_learners_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrLearnersPage, acr_learners_page, ACR, LEARNERS_PAGE, AcrListPage)

G_END_DECLS
