/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What AcrCurriculum needs of its entries beyond the public API. */

#pragma once

#include "acr-curriculum-entry.h"

G_BEGIN_DECLS

AcrCurriculumEntry *_acr_curriculum_entry_new          (gint64              module_id,
                                                        guint               position,
                                                        gboolean            required);
void                _acr_curriculum_entry_set_position (AcrCurriculumEntry *self,
                                                        guint               position);
/* Sets the read-only module-code, module-title and module-version (from a join). */
void                _acr_curriculum_entry_set_module   (AcrCurriculumEntry *self,
                                                        const char         *code,
                                                        const char         *title,
                                                        guint               version);

G_END_DECLS
