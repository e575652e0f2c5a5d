/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_TYPE_PAGED_LIST (acr_paged_list_get_type ())

G_DECLARE_FINAL_TYPE (AcrPagedList, acr_paged_list, ACR, PAGED_LIST, GObject)

/* Counts the rows again and drops the cached pages, emitting items-changed; call after a
 * change to the table behind the list. */
void     acr_paged_list_reload          (AcrPagedList *self);
/* How many pages were read from the database since creation (for tests and profiling). */
guint    acr_paged_list_get_pages_read  (AcrPagedList *self);

G_END_DECLS
