import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { Role } from '@app/common/auth/role';
import { ReqMeta, RequestMeta } from '@app/common/http/request-meta';
import { PageQuery } from '@app/common/pagination/page';
import { ReceivedFile } from '@app/modules/storage/uploads/upload-receiver';
import { ReceivesUpload, UploadedFile } from '@app/modules/storage/uploads/upload.interceptor';
import { UploadKind } from '@app/modules/storage/uploads/upload-kind';
import { DocumentsService } from './documents.service';
import { CREATE_DOCUMENT_FIELDS, CreateDocumentDto } from './dto/create-document.dto';
import { DocumentIdParams } from './dto/document-id.params';
import { DocumentPageResponse, DocumentResponse } from './dto/document.response';
import { UpdateDocumentDto } from './dto/update-document.dto';

/** Documents are a childminder's compliance evidence; no other role has any. */
const CHILDMINDER_ONLY = [Role.Childminder] as const;

/** A childminder's own compliance documents. */
@ApiTags('Documents')
@Controller('user/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @ApiOperation({ summary: 'My documents, newest first' })
  @ApiOkResponse({ type: DocumentPageResponse })
  @ApiBadRequestResponse({ description: 'page or pageSize out of range' })
  list(@Auth() auth: AuthContext, @Query() query: PageQuery) {
    return this.documents.listMine(auth, query);
  }

  @Post()
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @ReceivesUpload(UploadKind.Document, CREATE_DOCUMENT_FIELDS, ['type', 'name'])
  @ApiOperation({
    summary: 'Upload a document (multipart: file plus type, name, description, issuedOn, expiresOn); it awaits review',
  })
  @ApiCreatedResponse({ type: DocumentResponse })
  @ApiConflictResponse({ description: 'The account already has the most documents allowed' })
  upload(@Auth() auth: AuthContext, @Body() dto: CreateDocumentDto, @UploadedFile() file: ReceivedFile) {
    return this.documents.upload(auth, dto, file);
  }

  @Put(':documentId')
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @ApiOperation({ summary: "Change a document's details; a new type or date sends it back to review" })
  @ApiOkResponse({ type: DocumentResponse })
  @ApiBadRequestResponse({ description: 'A field is unknown or not acceptable (named in details)' })
  @ApiNotFoundResponse({ description: 'No such document, or not yours' })
  update(@Auth() auth: AuthContext, @Param() params: DocumentIdParams, @Body() dto: UpdateDocumentDto) {
    return this.documents.update(auth, params.documentId, dto);
  }

  @Delete(':documentId')
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a document and its file' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiBadRequestResponse({ description: 'documentId is not a UUID' })
  @ApiNotFoundResponse({ description: 'No such document, or not yours' })
  remove(@Auth() auth: AuthContext, @Param() params: DocumentIdParams) {
    return this.documents.remove(auth, params.documentId);
  }

  @Get(':documentId/download')
  @Authenticated({ roles: CHILDMINDER_ONLY })
  @ApiOperation({ summary: 'Download the file of one of my documents (as an attachment)' })
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png')
  @ApiOkResponse({ description: 'The file, with its content type and Content-Disposition: attachment' })
  @ApiNotFoundResponse({ description: 'No such document, or not yours' })
  @ApiGoneResponse({ description: 'The record exists but its file is gone' })
  download(@Auth() auth: AuthContext, @Param() params: DocumentIdParams, @ReqMeta() meta: RequestMeta) {
    return this.documents.download(auth, params.documentId, meta);
  }
}
