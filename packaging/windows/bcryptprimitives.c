/* Test-only shim for wine 8.0 (Debian 12), which lacks bcryptprimitives.dll.
 * Rust's standard library imports ProcessPrng from it for its random numbers (HashMap
 * keys); Windows 10 and 11 have the real DLL, so this file never ships in the installer.
 * ProcessPrng fills a buffer with random bytes and always succeeds; RtlGenRandom
 * (SystemFunction036 in advapi32) does the same. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
