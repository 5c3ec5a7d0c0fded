import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '#core';
import { type Asset, SCRIPT, STYLESHEET } from './bundle.js';

const BY_NAME = new Map<string, Asset>(
  [STYLESHEET, SCRIPT].map((a) => [a.path.replace('/assets/', ''), a]),
);

@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  @Get(':name')
  serve(@Param('name') name: string, @Res() res: Response): void {
    const asset = BY_NAME.get(name);
    if (!asset) throw new NotFoundException('No such asset');
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.send(asset.body);
  }
}
