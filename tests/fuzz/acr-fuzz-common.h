/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the fuzz targets share: one store per process, seeded with the demo data so that
 * imported curricula and verified credentials meet the modules, frameworks and keys they
 * name, in a temporary folder (tmpfs when there is one) removed at exit. */

#pragma once

#include <stddef.h>
#include <stdint.h>

#include "acr-core.h"

AcrStore *acr_fuzz_get_store (void);

int       LLVMFuzzerTestOneInput (const uint8_t *data,
                                  size_t         size);
