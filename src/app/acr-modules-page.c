/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrModulesPage: the Modules place of the window: every module version of the store,
 * searchable by code and title, read lazily through acr_module_list (). Searching and the
 * empty states are AcrListPage's. */

#define G_LOG_DOMAIN "acr-modules-page"

#include "config.h"

#include "acr-module.h"
#include "acr-module-row.h"
#include "acr-modules-page.h"

struct _AcrModulesPage
{
  AcrListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AcrModulesPage, acr_modules_page, ACR_TYPE_LIST_PAGE)

static GListModel *
acr_modules_page_create_model (AcrListPage *page,
                               AcrStore    *store,
                               const char  *search)
{
  return G_LIST_MODEL (acr_module_list (store, search));
}

static void
acr_modules_page_class_init (AcrModulesPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  list_page_class->create_model = acr_modules_page_create_model;
  list_page_class->row_type = ACR_TYPE_MODULE_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-modules-page.ui");
}

static void
acr_modules_page_init (AcrModulesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
