/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What AcrFramework needs of its child types beyond their public API. */

#pragma once

#include "acr-framework-dimension.h"
#include "acr-framework-level.h"

G_BEGIN_DECLS

void        _acr_framework_dimension_set_id             (AcrFrameworkDimension *self,
                                                         gint64                 id);
void        _acr_framework_level_set_id                 (AcrFrameworkLevel     *self,
                                                         gint64                 id);
/* Drops every descriptor of @dimension_code; TRUE when there was one. */
gboolean    _acr_framework_level_remove_dimension       (AcrFrameworkLevel     *self,
                                                         const char            *dimension_code);
/* The dimension code of a descriptor whose code is not in @codes (a set of strings), or
 * NULL when all are known. */
const char *_acr_framework_level_find_unknown_dimension (AcrFrameworkLevel     *self,
                                                         GHashTable            *codes);
/* The language of a descriptor that is not of the form "de", "en", "de-CH", or NULL. */
const char *_acr_framework_level_find_bad_lang          (AcrFrameworkLevel     *self);

G_END_DECLS
