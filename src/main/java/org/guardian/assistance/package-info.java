/**
 * Assistance (评估帮扶), part 2 of the case chain: the case plan, the high-risk closed loop of five
 * forms by five people (五人五表), referrals to partner departments with due dates and states, and
 * plan reviews on a timer. Processes {@code assistance} and {@code referral}.
 */
package org.guardian.assistance;
