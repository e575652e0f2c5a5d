/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libaccredit: everything the GUI, the CLI and the tests use of the core. */

#pragma once

#include "acr-types.h"
#include "acr-enums.h"
#include "acr-store.h"
#include "acr-paged-list.h"
#include "acr-curriculum.h"
#include "acr-curriculum-entry.h"
#include "acr-framework.h"
#include "acr-framework-dimension.h"
#include "acr-framework-level.h"
#include "acr-isced.h"
#include "acr-learner.h"
#include "acr-learning-outcome.h"
#include "acr-level-assignment.h"
#include "acr-module.h"
#include "acr-completeness.h"
#include "acr-organisation.h"
#include "acr-rubric.h"
#include "acr-assessment.h"
#include "acr-rubric-criterion.h"
#include "acr-rubric-level.h"
#include "acr-seed.h"
#include "acr-signing-identity.h"
#include "acr-xmldsig.h"
