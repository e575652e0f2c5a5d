/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libaccredit: everything the GUI, the CLI and the tests use of the core. */

#pragma once

#include "acr-types.h"
#include "acr-enums.h"
#include "acr-store.h"
#include "acr-paged-list.h"
