/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A revocation list from elsewhere: parsing, schema, signature. */

#include "config.h"

#include "acr-fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrRevocationList) list = NULL;

  list = acr_revocation_list_load (acr_fuzz_get_store (), (const char *) data, size,
                                   "fuzz.xml", &error);
  g_assert ((list == NULL) == (error != NULL));
  if (list != NULL)
    {
      for (guint i = 0; i < acr_revocation_list_get_n_entries (list); i++)
        {
          const char *credential_id = NULL;

          acr_revocation_list_get_entry (list, i, &credential_id, NULL, NULL);
          g_assert (credential_id != NULL);
          g_assert (acr_revocation_list_lookup (list, credential_id, NULL, NULL));
        }
    }
  return 0;
}
