import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { AuthContext } from '@app/common/auth/auth-context';
import { Auth, Authenticated } from '@app/common/auth/decorators';
import { ADMIN_ROLES } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { DocumentsService } from './documents.service';
import { DocumentDownloadQuery, DocumentIdParams } from './dto/document-id.params';
import { AdminDocumentPageResponse, AdminDocumentResponse } from './dto/document.response';
import { ListDocumentsQuery } from './dto/list-documents.query';
import { UpdateDocumentStatusDto } from './dto/review-document.dto';
import { AdminUpdateDocumentDto } from './dto/update-document.dto';

/** Document verification. Every read of one document and every download is audited. */
@ApiTags('Admin documents')
@Controller('admin/documents')
export class AdminDocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'All documents, oldest first; filter by status, type, user or expiry within N days' })
  @ApiOkResponse({ type: AdminDocumentPageResponse })
  @ApiBadRequestResponse({ description: 'A filter is not acceptable (named in details)' })
  list(@Query() query: ListDocumentsQuery) {
    return this.documents.listForAdmin(query);
  }

  // Declared before ':documentId' routes so that "download" and "status" are never taken for an id.
  @Get('download')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: "Download a document's file as an attachment (audited)" })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file, with its content type and Content-Disposition: attachment' })
  @ApiNotFoundResponse({ description: 'No such document' })
  @ApiGoneResponse({ description: 'The record exists but its file is gone' })
  download(@Auth() auth: AuthContext, @Query() query: DocumentDownloadQuery, @ReqMeta() meta: RequestMeta) {
    return this.documents.download(auth, query.documentId, meta);
  }

  @Patch('status')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'Approve, reject (with a reason) or reopen a document; the owner is emailed' })
  @ApiOkResponse({ type: AdminDocumentResponse })
  @ApiBadRequestResponse({ description: 'A field is not acceptable, or a rejection has no reason' })
  @ApiNotFoundResponse({ description: 'No such document' })
  setStatus(@Auth() auth: AuthContext, @Body() dto: UpdateDocumentStatusDto, @ReqMeta() meta: RequestMeta) {
    return this.documents.setStatus(auth, dto, meta);
  }

  @Get(':documentId')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: 'One document with its owner (audited)' })
  @ApiOkResponse({ type: AdminDocumentResponse })
  @ApiNotFoundResponse({ description: 'No such document' })
  get(@Auth() auth: AuthContext, @Param() params: DocumentIdParams, @ReqMeta() meta: RequestMeta) {
    return this.documents.getForAdmin(auth, params.documentId, meta);
  }

  @Patch(':documentId')
  @Authenticated({ roles: ADMIN_ROLES })
  @ApiOperation({ summary: "Correct a document's details; the review state is kept (audited)" })
  @ApiOkResponse({ type: AdminDocumentResponse })
  @ApiBadRequestResponse({ description: 'A field is unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such document' })
  update(
    @Auth() auth: AuthContext,
    @Param() params: DocumentIdParams,
    @Body() dto: AdminUpdateDocumentDto,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.documents.updateForAdmin(auth, params.documentId, dto, meta);
  }

  @Delete(':documentId')
  @Authenticated({ roles: ADMIN_ROLES })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a document and its file (audited)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiNotFoundResponse({ description: 'No such document' })
  remove(@Auth() auth: AuthContext, @Param() params: DocumentIdParams, @ReqMeta() meta: RequestMeta) {
    return this.documents.removeForAdmin(auth, params.documentId, meta);
  }
}
