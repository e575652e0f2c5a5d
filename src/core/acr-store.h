/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"

G_BEGIN_DECLS

#define ACR_STORE_ERROR (acr_store_error_quark ())

typedef enum
{
  ACR_STORE_ERROR_FAILED,
  ACR_STORE_ERROR_CANNOT_OPEN,  /* path missing, not writable */
  ACR_STORE_ERROR_TOO_NEW,      /* written by a newer Accredit */
  ACR_STORE_ERROR_CORRUPT,      /* not an Accredit database, or damaged */
  ACR_STORE_ERROR_NOT_FOUND,    /* no row with that id or code */
  ACR_STORE_ERROR_DUPLICATE,    /* a unique code or name taken */
  ACR_STORE_ERROR_CONSTRAINT,   /* dangling or still-used reference */
  ACR_STORE_ERROR_INVALID,      /* a value out of range or of the wrong form */
  ACR_STORE_ERROR_READ_ONLY,    /* an approved version is frozen */
  ACR_STORE_ERROR_BUSY,         /* another program holds the database */
} AcrStoreError;

GQuark acr_store_error_quark (void);

#define ACR_TYPE_STORE (acr_store_get_type ())

G_DECLARE_FINAL_TYPE (AcrStore, acr_store, ACR, STORE, GObject)

/* The latest schema version this build knows. */
#define ACR_STORE_SCHEMA_VERSION 2

/* Opens (creating when missing) the database at @path, or an in-memory one for ":memory:",
 * and brings its schema up to date. */
AcrStore    *acr_store_open                (const char  *path,
                                            GError     **error);
/* The default database: $XDG_DATA_HOME/accredit/accredit.db. Free with g_free(). */
char        *acr_store_get_default_path    (void);
const char  *acr_store_get_path            (AcrStore    *self);
int          acr_store_get_schema_version  (AcrStore    *self);
/* TRUE when this open created the schema from an empty file (time to seed). */
gboolean     acr_store_get_created         (AcrStore    *self);

/* Transactions nest: the outermost begin/commit is a real transaction (BEGIN IMMEDIATE),
 * inner ones are savepoints. Every begin is matched by exactly one commit or rollback.
 * A commit that fails has already rolled back. The store is locked to the calling thread
 * from begin to the matching commit or rollback. */
gboolean     acr_store_begin               (AcrStore    *self,
                                            GError     **error);
gboolean     acr_store_commit              (AcrStore    *self,
                                            GError     **error);
void         acr_store_rollback            (AcrStore    *self);

/* The configured actor (the person at the keyboard), recorded as last editor. */
const char  *acr_store_get_actor           (AcrStore    *self);
void         acr_store_set_actor           (AcrStore    *self,
                                            const char  *actor);

G_END_DECLS
