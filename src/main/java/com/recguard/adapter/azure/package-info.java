/**
 * The object store port on Azure Blob Storage with version-level immutability (WORM), through the
 * Azure SDK for Java ({@code azure-storage-blob}, sync clients). The only package importing the
 * Azure SDK.
 */
package com.recguard.adapter.azure;
