/** Fault-injection tests: crashes, cut connections, a flapping team API, hostile input and a full disk. */
package org.lankit.faults;
