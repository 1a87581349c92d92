/** Small types every module shares: problems answered to API clients and pages of results. */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.guardian.common;
