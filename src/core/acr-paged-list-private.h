/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "acr-paged-list.h"
#include "acr-store-private.h"

G_BEGIN_DECLS

/* Makes one item (a new reference) from the current row of @stmt. */
typedef gpointer (*AcrRowFunc) (AcrStore     *store,
                                sqlite3_stmt *stmt);

/* A lazy GListModel over @select_sql, a complete SELECT with its ORDER BY and without LIMIT,
 * whose parameters ?1…?N are bound from @params (a NULL-terminated array of strings, may be
 * NULL). The ORDER BY must be total (end with the primary key) so pages do not overlap.
 * Rows are read a page at a time when an item is first asked for, and a few pages are kept. */
AcrPagedList *_acr_paged_list_new (AcrStore           *store,
                                   GType               item_type,
                                   const char         *select_sql,
                                   const char * const *params,
                                   AcrRowFunc          row_func);

G_END_DECLS
