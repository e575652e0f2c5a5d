/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The store's internals for the domain types: statements, binding and error mapping. */

#pragma once

#include <sqlite3.h>

#include "acr-enums.h"
#include "acr-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *_acr_store_get_handle       (AcrStore      *self);
/* A new prepared statement; free with sqlite3_finalize() (or g_autoptr). */
sqlite3_stmt *_acr_store_prepare          (AcrStore      *self,
                                           const char    *sql,
                                           GError       **error);
/* Runs one or more statements without results. */
gboolean      _acr_store_exec             (AcrStore      *self,
                                           const char    *sql,
                                           GError       **error);
/* Steps @stmt: SQLITE_ROW or SQLITE_DONE, or -1 with @error set (see _acr_store_set_error). */
int           _acr_store_step             (AcrStore      *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
/* Steps @stmt to completion, expecting no rows. */
gboolean      _acr_store_run              (AcrStore      *self,
                                           sqlite3_stmt  *stmt,
                                           GError       **error);
/* Sets @error from the connection's last error, mapping SQLite codes to AcrStoreError. */
void          _acr_store_set_error        (AcrStore      *self,
                                           GError       **error);
gint64        _acr_store_last_insert_id   (AcrStore      *self);
int           _acr_store_changes          (AcrStore      *self);

/* Binding helpers: a NULL string, a 0 enum, a NAN double bind SQL NULL. Indexes start at 1. */
void          _acr_bind_text              (sqlite3_stmt  *stmt,
                                           int            idx,
                                           const char    *value);
void          _acr_bind_enum              (sqlite3_stmt  *stmt,
                                           int            idx,
                                           GType          enum_type,
                                           int            value);
void          _acr_bind_double            (sqlite3_stmt  *stmt,
                                           int            idx,
                                           double         value);
void          _acr_bind_id                (sqlite3_stmt  *stmt,
                                           int            idx,
                                           gint64         id);
/* Column helpers: NULL text gives NULL, NULL real gives NAN, unknown nick gives 0. */
char         *_acr_column_dup             (sqlite3_stmt  *stmt,
                                           int            col);
double        _acr_column_double          (sqlite3_stmt  *stmt,
                                           int            col);
int           _acr_column_enum            (sqlite3_stmt  *stmt,
                                           int            col,
                                           GType          enum_type);

/* The current time as stored: ISO 8601 UTC with seconds ("2026-11-25T10:00:00Z"). */
char         *_acr_now_iso8601            (void);

/* TRUE for a valid ISO 8601 calendar date "YYYY-MM-DD". */
gboolean      _acr_date_is_valid          (const char    *date);

/* Replaces *@field by a copy of @value; TRUE when it changed. For property setters. */
gboolean      _acr_set_string             (char         **field,
                                           const char    *value);

G_END_DECLS
