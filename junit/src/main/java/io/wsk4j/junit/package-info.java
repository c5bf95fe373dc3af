/**
 * {@link io.wsk4j.junit.WskTest}: JUnit Jupiter tests of WSK code on seeded simulated networks. JUnit is a provided
 * dependency: it comes from the test scope of the project that uses this module.
 */
package io.wsk4j.junit;
