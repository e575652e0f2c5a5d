/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A credential file handed to the Verify page: parsing, the XML Signature checks, the
 * certificate chain and the registry lookups. */

#include "config.h"

#include "acr-fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(AcrVerification) verification = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 12, 0, 0);

  verification = acr_verify_document (acr_fuzz_get_store (), (const char *) data, size,
                                      "fuzz.xml", NULL, now);
  g_assert (verification != NULL);
  g_assert (acr_verification_get_summary (verification) != NULL);
  /* A verdict of valid needs every check passed. */
  if (acr_verification_is_valid (verification))
    g_assert (acr_verification_get_failed_check (verification) == NULL);
  return 0;
}
