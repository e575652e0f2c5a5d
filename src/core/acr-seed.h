/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"

G_BEGIN_DECLS

/* The code of the demo curriculum; its presence marks a database as seeded. */
#define ACR_SEED_DEMO_CURRICULUM_CODE "DEMO-ITSEC-GL"

/* Adds the frameworks EQF, DQR, NQR-AT and NQF-CH, each with its dimensions, 8 levels
 * referenced to the EQF and descriptors in German and English, unless a framework with that
 * code exists already (that one is left as it is). One transaction. */
gboolean     acr_seed_frameworks   (AcrStore  *store,
                                    GError   **error);
/* Adds the frameworks and a demo: a chamber, the curriculum "IT-Sicherheit Grundlagen" of
 * three approved modules with outcomes, rubrics and level assignments, three fictional
 * learners and one passed assessment. One transaction, all or nothing. Does nothing and
 * returns TRUE when the demo curriculum exists already. */
gboolean     acr_seed_demo         (AcrStore  *store,
                                    GError   **error);

G_END_DECLS
