/** Demo people, areas and children for the {@code demo} profile. */
package org.guardian.demo;
