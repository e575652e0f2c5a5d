/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-list-page.h"

G_BEGIN_DECLS

#define ACR_TYPE_CURRICULA_PAGE (acr_curricula_page_get_type ())

G_DECLARE_FINAL_TYPE (AcrCurriculaPage, acr_curricula_page, ACR, CURRICULA_PAGE, AcrListPage)

/* Hides curriculum @curriculum_id from the list and offers to undo in a toast; it is deleted
 * for real when the toast goes away without Undo. Fails at once, deleting nothing, when the
 * store would refuse. @out_toast (may be NULL) receives the toast (owned by the window), NULL
 * when the page is in no window and the curriculum was deleted at once. */
gboolean  acr_curricula_page_delete_curriculum (AcrCurriculaPage  *self,
                                                gint64             curriculum_id,
                                                AdwToast         **out_toast,
                                                GError           **error);

G_END_DECLS
