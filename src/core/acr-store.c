/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrStore: the one SQLite connection of a database file.
 *
 * Opening checks that the file is an Accredit database (application_id), refuses one written
 * by a newer schema, and runs the missing migrations from the compiled-in resources
 * (/io/github/accredit/core/sql/NNN-name.sql), each in its own transaction together with
 * its PRAGMA user_version bump: a crash mid-migration leaves the previous version intact.
 *
 * The connection runs in WAL mode with foreign keys on and synchronous=FULL, so a committed
 * transaction survives a crash of the program or the machine. Transactions nest through
 * savepoints; a recursive mutex held from the outermost begin to its commit or rollback keeps
 * other threads out of an open transaction. SQLite errors become AcrStoreError values with
 * sentences a person can act on. */

#define G_LOG_DOMAIN "acr-store"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "acr-store-private.h"
#include "acr-core-resources.h"

/* "ACRD": marks the file as ours, so we never migrate somebody else's database. */
#define ACR_APPLICATION_ID 0x41435244

struct _AcrStore
{
  GObject    parent_instance;

  sqlite3   *db;
  char      *path;
  char      *actor;
  GRecMutex  lock;
  guint      depth;
  int        schema_version;
  guint      created : 1;
};

G_DEFINE_FINAL_TYPE (AcrStore, acr_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (acr-store-error-quark, acr_store_error)

static void
set_error_from_code (GError     **error,
                     int          rc,
                     const char  *detail)
{
  int primary = rc & 0xff;

  switch (rc)
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE,
                   _("An entry with the same identifier already exists (%s)."), detail);
      return;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   _("The entry refers to something that does not exist, or is still used "
                     "by other entries (%s)."), detail);
      return;
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID,
                   _("A value is missing or out of range (%s)."), detail);
      return;
    case SQLITE_CONSTRAINT_TRIGGER:
      /* ON DELETE RESTRICT is carried out as a trigger: it is a reference still in use. */
      if (detail != NULL && strstr (detail, "FOREIGN KEY") != NULL)
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                     _("The entry is still used by other entries (%s)."), detail);
      else
        g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_READ_ONLY, "%s", detail);
      return;
    default:
      break;
    }

  switch (primary)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_BUSY,
                   _("The database is in use by another program. Close it and try again (%s)."),
                   detail);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CORRUPT,
                   _("The database file is damaged or is not an Accredit database (%s)."),
                   detail);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_IOERR:
    case SQLITE_FULL:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CANNOT_OPEN,
                   _("The database cannot be written: %s. Check the disk space and that you "
                     "may write to its folder."), detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT,
                   _("The change breaks a rule of the database (%s)."), detail);
      break;
    default:
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_FAILED,
                   _("The database reported an error: %s."), detail);
      break;
    }
}

void
_acr_store_set_error (AcrStore  *self,
                      GError   **error)
{
  set_error_from_code (error, sqlite3_extended_errcode (self->db), sqlite3_errmsg (self->db));
}

sqlite3 *
_acr_store_get_handle (AcrStore *self)
{
  return self->db;
}

sqlite3_stmt *
_acr_store_prepare (AcrStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _acr_store_set_error (self, error);
      return NULL;
    }

  return stmt;
}

gboolean
_acr_store_exec (AcrStore    *self,
                 const char  *sql,
                 GError     **error)
{
  char *errmsg = NULL;
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);

  if (rc != SQLITE_OK)
    {
      set_error_from_code (error, sqlite3_extended_errcode (self->db),
                           errmsg ? errmsg : sqlite3_errstr (rc));
      sqlite3_free (errmsg);
      return FALSE;
    }

  return TRUE;
}

int
_acr_store_step (AcrStore      *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  _acr_store_set_error (self, error);
  sqlite3_reset (stmt);
  return -1;
}

gboolean
_acr_store_run (AcrStore      *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc;

  while ((rc = _acr_store_step (self, stmt, error)) == SQLITE_ROW)
    ;

  return rc == SQLITE_DONE;
}

gint64
_acr_store_last_insert_id (AcrStore *self)
{
  return sqlite3_last_insert_rowid (self->db);
}

int
_acr_store_changes (AcrStore *self)
{
  return sqlite3_changes (self->db);
}

void
_acr_bind_text (sqlite3_stmt *stmt,
                int           idx,
                const char   *value)
{
  if (value == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, value, -1, SQLITE_TRANSIENT);
}

void
_acr_bind_enum (sqlite3_stmt *stmt,
                int           idx,
                GType         enum_type,
                int           value)
{
  _acr_bind_text (stmt, idx, acr_enum_to_nick (enum_type, value));
}

void
_acr_bind_double (sqlite3_stmt *stmt,
                  int           idx,
                  double        value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_double (stmt, idx, value);
}

void
_acr_bind_id (sqlite3_stmt *stmt,
              int           idx,
              gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, id);
}

char *
_acr_column_dup (sqlite3_stmt *stmt,
                 int           col)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

double
_acr_column_double (sqlite3_stmt *stmt,
                    int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NAN;

  return sqlite3_column_double (stmt, col);
}

int
_acr_column_enum (sqlite3_stmt *stmt,
                  int           col,
                  GType         enum_type)
{
  int value = 0;

  if (!acr_enum_from_nick (enum_type, (const char *) sqlite3_column_text (stmt, col), &value))
    return 0;

  return value;
}

char *
_acr_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
_acr_date_is_valid (const char *date)
{
  guint y, m, d;
  char tail;

  if (date == NULL || strlen (date) != 10 || date[4] != '-' || date[7] != '-')
    return FALSE;
  if (sscanf (date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

gboolean
_acr_set_string (char       **field,
                 const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static int
query_int (AcrStore    *self,
           const char  *sql,
           int         *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (self, sql, error);

  if (stmt == NULL || _acr_store_step (self, stmt, error) != SQLITE_ROW)
    return FALSE;

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/* The migration resources, sorted by their number prefix. */
static char **
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (acr_core_get_resource (),
                                                       "/io/github/accredit/core/sql", 0, NULL);
  GPtrArray *sorted = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (sorted, g_strdup (names[i]));

  g_ptr_array_add (sorted, NULL);
  return (char **) g_ptr_array_free (sorted, FALSE);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gboolean
migrate (AcrStore  *self,
         GError   **error)
{
  g_auto(GStrv) names = list_migrations ();
  int app_id = 0;
  int version = 0;
  guint n_names = g_strv_length (names);

  qsort (names, n_names, sizeof (char *), compare_names);

  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error))
    return FALSE;

  if (app_id != ACR_APPLICATION_ID)
    {
      int n_tables = 0;

      if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
        return FALSE;

      if (n_tables > 0 || version != 0)
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CORRUPT,
                       _("“%s” is a database of another program, not of Accredit. "
                         "Choose another file."), self->path);
          return FALSE;
        }
    }

  if (version > (int) n_names)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Accredit (schema %d; "
                     "this version knows up to schema %u). Update Accredit to open it."),
                   self->path, version, n_names);
      return FALSE;
    }

  self->created = version == 0;

  for (guint i = (guint) version; i < n_names; i++)
    {
      g_autofree char *res_path = g_strconcat ("/io/github/accredit/core/sql/", names[i], NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (acr_core_get_resource (), res_path, 0, NULL);
      g_autofree char *sql = NULL;
      g_autofree char *bump = NULL;

      g_assert (bytes != NULL);
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      bump = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %u;",
                              ACR_APPLICATION_ID, i + 1);

      if (!_acr_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!_acr_store_exec (self, sql, error) || !_acr_store_exec (self, bump, error))
        {
          _acr_store_exec (self, "ROLLBACK", NULL);
          g_prefix_error (error, _("Could not upgrade the database to schema %u: "), i + 1);
          return FALSE;
        }

      if (!_acr_store_exec (self, "COMMIT", error))
        {
          _acr_store_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }
    }

  self->schema_version = (int) n_names;
  return TRUE;
}

static void
acr_store_finalize (GObject *object)
{
  AcrStore *self = (AcrStore *) object;

  if (self->depth > 0)
    g_critical ("Store finalized inside an open transaction; it is rolled back");

  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->actor, g_free);
  g_rec_mutex_clear (&self->lock);

  G_OBJECT_CLASS (acr_store_parent_class)->finalize (object);
}

static void
acr_store_class_init (AcrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = acr_store_finalize;
}

static void
acr_store_init (AcrStore *self)
{
  g_rec_mutex_init (&self->lock);
}

char *
acr_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "accredit", "accredit.db", NULL);
}

AcrStore *
acr_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(AcrStore) self = NULL;
  gboolean in_memory;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  in_memory = g_str_equal (path, ":memory:");
  self = g_object_new (ACR_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->actor = g_strdup (g_get_real_name ());
  if (self->actor == NULL || g_str_equal (self->actor, "Unknown") || self->actor[0] == '\0')
    _acr_set_string (&self->actor, g_get_user_name ());

  if (!in_memory)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CANNOT_OPEN,
                       _("“%s” is a folder. Give the path of a database file."), path);
          return NULL;
        }

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int errsv = errno;

          g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CANNOT_OPEN,
                       _("Could not create the folder “%s” for the database: %s."),
                       dir, g_strerror (errsv));
          return NULL;
        }
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CANNOT_OPEN,
                   _("Could not open the database “%s”: %s. Check that its folder exists and "
                     "that you may write to it."),
                   path, self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  if (!_acr_store_exec (self, "PRAGMA foreign_keys = ON;"
                              "PRAGMA synchronous = FULL;"
                              "PRAGMA trusted_schema = OFF;", error))
    goto fail;

  if (!in_memory && !_acr_store_exec (self, "PRAGMA journal_mode = WAL", error))
    goto fail;

  if (!migrate (self, error))
    goto fail;

  if (!in_memory && self->created)
    g_chmod (path, 0600);

  return g_steal_pointer (&self);

fail:
  if (error != NULL && *error != NULL && (*error)->domain == ACR_STORE_ERROR &&
      (*error)->code != ACR_STORE_ERROR_TOO_NEW)
    g_prefix_error (error, _("Could not open “%s”: "), path);
  return NULL;
}

const char *
acr_store_get_path (AcrStore *self)
{
  g_return_val_if_fail (ACR_IS_STORE (self), NULL);

  return self->path;
}

int
acr_store_get_schema_version (AcrStore *self)
{
  g_return_val_if_fail (ACR_IS_STORE (self), 0);

  return self->schema_version;
}

gboolean
acr_store_get_created (AcrStore *self)
{
  g_return_val_if_fail (ACR_IS_STORE (self), FALSE);

  return self->created;
}

const char *
acr_store_get_actor (AcrStore *self)
{
  g_return_val_if_fail (ACR_IS_STORE (self), NULL);

  return self->actor;
}

void
acr_store_set_actor (AcrStore   *self,
                     const char *actor)
{
  g_return_if_fail (ACR_IS_STORE (self));
  g_return_if_fail (actor != NULL && actor[0] != '\0');

  _acr_set_string (&self->actor, actor);
}

gboolean
acr_store_begin (AcrStore  *self,
                 GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ACR_IS_STORE (self), FALSE);

  g_rec_mutex_lock (&self->lock);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT acr_%u", self->depth);

  if (!_acr_store_exec (self, sql, error))
    {
      g_rec_mutex_unlock (&self->lock);
      return FALSE;
    }

  self->depth++;
  return TRUE;
}

gboolean
acr_store_commit (AcrStore  *self,
                  GError   **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (ACR_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE acr_%u", self->depth - 1);

  if (!_acr_store_exec (self, sql, error))
    {
      acr_store_rollback (self);
      return FALSE;
    }

  self->depth--;
  g_rec_mutex_unlock (&self->lock);
  return TRUE;
}

void
acr_store_rollback (AcrStore *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (ACR_IS_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO acr_%u; RELEASE acr_%u", self->depth - 1,
                           self->depth - 1);

  /* SQLite may have rolled back by itself (a full disk): a failing ROLLBACK is then fine. */
  _acr_store_exec (self, sql, NULL);

  self->depth--;
  g_rec_mutex_unlock (&self->lock);
}
