#!/usr/bin/env node
/** Entry of the `ssks-emulator` bin; everything else lives in runCli. */
import { runCli } from './runCli'

void runCli(process.argv.slice(2))
