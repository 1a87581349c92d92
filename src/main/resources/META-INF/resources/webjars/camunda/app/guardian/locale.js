/*
 * Guardian: the webapps follow the language of their labels in two places Camunda 7.24 leaves out.
 *
 * 1. Dates. Camunda loads the browser's locale file (locales/zh.json) and the fallback
 *    (locales/en.json) and applies the "dateLocales" of each to moment.js as it arrives; moment
 *    switches its global locale on every define/update, so when the English fallback arrives last,
 *    relative dates ("3 days ago") and date formats stay English under Chinese labels. After every
 *    locale file has loaded, moment is put back to the language angular-translate uses.
 * 2. The page's lang attribute (index.html says "en"): set to the language in use (zh-CN for
 *    Chinese), so the browser picks Simplified Chinese glyphs and user-styles.css can translate
 *    the one header Camunda writes in English in its template (the variable table's "Actions").
 *
 * Loaded by config.js (customScripts: ['../guardian/locale'], requireJsConfig.ngDeps:
 * ['guardian.locale']) of Tasklist, Cockpit, Admin and Welcome. See docs/webapps-zh.md.
 */
window.angular.module('guardian.locale', []).run([
  '$rootScope',
  '$injector',
  function($rootScope, $injector) {
    if (!$injector.has('$translate')) {
      return;
    }
    var $translate = $injector.get('$translate');
    var amMoment = $injector.has('amMoment') ? $injector.get('amMoment') : null;
    var moment = $injector.has('moment') ? $injector.get('moment') : null;

    function follow() {
      var language = $translate.use() || $translate.proposedLanguage();
      if (!language) {
        return;
      }
      document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
      if (
        amMoment &&
        moment &&
        moment.locales().indexOf(language) > -1 &&
        moment.locale() !== language
      ) {
        amMoment.changeLocale(language);
      }
    }

    $rootScope.$on('$translateLoadingEnd', follow);
    $rootScope.$on('$translateChangeEnd', follow);
    $rootScope.$on('$translateRefreshEnd', follow);
  }
]);

// no frontend plugins: this module only registers the AngularJS module above
export default [];
