<?php

declare(strict_types=1);

namespace Libziggeo;

/**
 * The ZiggeoStatus codes of include/ziggeo.h: the result of a failed call.
 * The numbers are fixed by the C ABI.
 */
enum Status: int
{
    case Ok = 0;
    case InvalidArgument = 1;
    case Http = 2;
    case Timeout = 3;
    case Connection = 4;
    case Dns = 5;
    case Tls = 6;
    case InvalidResponse = 7;
    case InvalidDelivery = 8;
    case Internal = 9;
}
