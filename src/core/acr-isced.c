/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The ISCED-F 2013 list of fields of education and training.
 *
 * The list (data/isced-f-2013.tsv: a header line, then "code<TAB>English name" per line) is
 * compiled into the core's resources and parsed once, on first use, into a table that lives
 * as long as the program: every string handed out is static. The file is ours, so a
 * malformed line is a build defect; it is skipped with a critical rather than trusted. */

#define G_LOG_DOMAIN "acr-isced"

#include "config.h"

#include <string.h>

#include "acr-isced.h"
#include "acr-core-resources.h"

#define ISCED_F_RESOURCE "/io/github/accredit/core/isced-f-2013.tsv"

typedef struct
{
  GHashTable *names;  /* interned code → English name (never freed) */
  GPtrArray  *codes;  /* in file order, NULL-terminated */
} IscedTable;

static const IscedTable *
get_table (void)
{
  static gsize table = 0;

  if (g_once_init_enter (&table))
    {
      IscedTable *t = g_new0 (IscedTable, 1);
      g_autoptr(GBytes) bytes = NULL;
      g_auto(GStrv) lines = NULL;
      g_autofree char *text = NULL;

      t->names = g_hash_table_new (g_str_hash, g_str_equal);
      t->codes = g_ptr_array_new ();

      bytes = g_resource_lookup_data (acr_core_get_resource (), ISCED_F_RESOURCE, 0, NULL);
      g_assert (bytes != NULL);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      lines = g_strsplit (text, "\n", -1);

      /* Line 0 is the header. */
      for (guint i = 1; lines[i] != NULL; i++)
        {
          const char *line = lines[i];
          const char *tab = strchr (line, '\t');
          char buf[5];
          const char *code;
          char *name;

          if (line[0] == '\0')
            continue;

          if (tab == NULL || tab - line != 4)
            {
              g_critical ("Malformed line %u in %s", i + 1, ISCED_F_RESOURCE);
              continue;
            }

          memcpy (buf, line, 4);
          buf[4] = '\0';
          if (!acr_isced_f_is_code (buf))
            {
              g_critical ("Malformed code on line %u in %s", i + 1, ISCED_F_RESOURCE);
              continue;
            }

          /* Interned strings live as long as the program, as the table does. */
          code = g_intern_string (buf);
          name = g_strstrip (g_strdup (tab + 1));
          g_hash_table_insert (t->names, (gpointer) code, name);
          g_ptr_array_add (t->codes, (gpointer) code);
        }

      g_ptr_array_add (t->codes, NULL);
      g_once_init_leave (&table, (gsize) t);
    }

  return (const IscedTable *) table;
}

gboolean
acr_isced_f_is_code (const char *code)
{
  if (code == NULL || strlen (code) != 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (code[i]))
      return FALSE;

  return TRUE;
}

const char *
acr_isced_f_get_name (const char *code)
{
  if (!acr_isced_f_is_code (code))
    return NULL;

  return g_hash_table_lookup (get_table ()->names, code);
}

const char * const *
acr_isced_f_list_codes (void)
{
  return (const char * const *) get_table ()->codes->pdata;
}
