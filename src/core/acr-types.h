/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Forward declarations of every core type, so that headers include little. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _AcrStore              AcrStore;
typedef struct _AcrPagedList          AcrPagedList;
typedef struct _AcrOrganisation       AcrOrganisation;
typedef struct _AcrFramework          AcrFramework;
typedef struct _AcrFrameworkLevel     AcrFrameworkLevel;
typedef struct _AcrFrameworkDimension AcrFrameworkDimension;
typedef struct _AcrCurriculum         AcrCurriculum;
typedef struct _AcrCurriculumEntry    AcrCurriculumEntry;
typedef struct _AcrModule             AcrModule;
typedef struct _AcrLevelAssignment    AcrLevelAssignment;
typedef struct _AcrLearningOutcome    AcrLearningOutcome;
typedef struct _AcrRubric             AcrRubric;
typedef struct _AcrRubricLevel        AcrRubricLevel;
typedef struct _AcrRubricCriterion    AcrRubricCriterion;
typedef struct _AcrLearner            AcrLearner;
typedef struct _AcrAssessment         AcrAssessment;
typedef struct _AcrAuditEntry         AcrAuditEntry;
typedef struct _AcrCredential         AcrCredential;

G_END_DECLS
