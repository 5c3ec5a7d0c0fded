import { Controller, Get, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig, Public } from '#core';
import { cookieOptions, secureCookies, STYLESHEET_COOKIE, YEAR_MS } from '../http/cookies.js';
import { type Asset, SCRIPT, STYLESHEET } from './bundle.js';

const BY_NAME = new Map<string, Asset>(
  [STYLESHEET, SCRIPT].map((a) => [a.path.replace('/assets/', ''), a]),
);

@ApiExcludeController()
@Public()
@Controller('assets')
export class AssetsController {
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = secureCookies(config.publicUrl);
  }

  @Get(':name')
  serve(@Param('name') name: string, @Res() res: Response): void {
    const asset = BY_NAME.get(name);
    if (!asset) throw new NotFoundException('No such asset');
    // This browser now holds the stylesheet: its next pages link it rather than carry it.
    // Set here and not on the page that asked for it, since a browser that never fetched
    // it (Safari ignores rel=prefetch) keeps getting it inline instead of a second round trip.
    if (asset === STYLESHEET) {
      res.cookie(STYLESHEET_COOKIE, asset.version, cookieOptions(this.secure, YEAR_MS));
    }
    res.setHeader('Content-Type', asset.contentType);
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.send(asset.body);
  }
}
